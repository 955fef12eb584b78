// Turns a DOM subtree into plain text with paragraph breaks: each block element (p, div,
// li, h1…, tr, …) becomes its own paragraph, paragraphs are separated by one blank line, <br>
// becomes a line break, runs of spaces collapse, <pre> keeps its lines. The walk is
// iterative, so pathological nesting cannot overflow the stack.

/** The few DOM members the walk needs; linkedom's nodes have them. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
}

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;

const BLOCK = new Set([
  'ADDRESS',
  'ARTICLE',
  'ASIDE',
  'BLOCKQUOTE',
  'CAPTION',
  'CENTER',
  'DD',
  'DETAILS',
  'DIALOG',
  'DIR',
  'DIV',
  'DL',
  'DT',
  'FIELDSET',
  'FIGCAPTION',
  'FIGURE',
  'FOOTER',
  'FORM',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HGROUP',
  'HR',
  'LEGEND',
  'LI',
  'MAIN',
  'MENU',
  'NAV',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'SUMMARY',
  'TABLE',
  'TBODY',
  'TFOOT',
  'THEAD',
  'TR',
  'UL',
  'BODY',
  'HTML',
]);
/** Table cells stay on their row's line, separated by a space. */
const CELL = new Set(['TD', 'TH']);
const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'MATH',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'CANVAS',
  'HEAD',
  'TITLE',
  'META',
  'LINK',
  'BUTTON',
  'SELECT',
  'TEXTAREA',
  'INPUT',
]);

/** Characters that carry no text: C0 controls, soft hyphen, zero-width marks, BOM, non-characters. */
/* eslint-disable no-control-regex, no-misleading-character-class -- these characters are what the pattern is for */
const INVISIBLE =
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b\u200c\u200d\u2060\ufeff\ufffe\uffff]/g;
/* eslint-enable no-control-regex, no-misleading-character-class */

/** Plain text of a DOM subtree, paragraphs separated by blank lines. */
export function domToText(root: DomNode): string {
  const paragraphs: string[] = [];
  let line = '';
  let lines: string[] = [];
  let preDepth = 0;

  const endLine = (): void => {
    const l = line.replace(/[ \t]+/g, ' ').trim();
    if (l !== '') lines.push(l);
    line = '';
  };
  const endParagraph = (): void => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };

  // Stack entries: a node to enter, or a marker to run when its element is left.
  type Frame = { node: DomNode; leave: false } | { node: DomNode; leave: true };
  const stack: Frame[] = [{ node: root, leave: false }];
  while (stack.length > 0) {
    const frame = stack.pop()!;
    const { node } = frame;
    const name = node.nodeName.toUpperCase();
    if (frame.leave) {
      if (name === 'PRE') preDepth--;
      if (BLOCK.has(name)) endParagraph();
      else if (CELL.has(name)) line += ' ';
      continue;
    }
    if (node.nodeType === TEXT || node.nodeType === CDATA) {
      const raw = (node.textContent ?? '').replace(INVISIBLE, '').replace(/\u00a0/g, ' ');
      if (preDepth > 0) {
        const parts = raw.split(/\r\n|\r|\n/);
        parts.forEach((p, i) => {
          if (i > 0) endLine();
          line += p;
        });
      } else {
        line += raw.replace(/\s+/g, ' ');
      }
      continue;
    }
    if (node.nodeType !== ELEMENT && name !== '#DOCUMENT' && name !== '#DOCUMENT-FRAGMENT') continue;
    if (SKIP.has(name)) continue;
    if (name === 'BR') {
      endLine();
      continue;
    }
    if (BLOCK.has(name)) endParagraph();
    if (name === 'PRE') preDepth++;
    stack.push({ node, leave: true });
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i]!, leave: false });
  }
  endParagraph();
  return paragraphs.join('\n\n');
}

// Accept rule: "Karbi Anglong", "Porto Amboim": a name followed by a capitalised word of no known
// kind may be the first word of a longer name the gazetteer lacks. It is trusted only when the
// rest of the document points to it, and never when it is only some place's other name ("Human
// Rights Watch" and Uman). Countries stay countries.
import type { AcceptRule } from './types.js';

export const longerName: AcceptRule = {
  name: 'longerName',
  reject: ({ mentions, entry: e, supported, ownName }) =>
    e.kind !== 'country' && (!supported || !ownName) && mentions.every((m) => m.continued)
      ? 'first word of a longer name, without support'
      : null,
};

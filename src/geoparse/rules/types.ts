// The two kinds of ranking rule resolve.ts applies, each from one ordered list:
// - a GateRule looks at a mention before ranking and says why it is no place at all (a person, a
//   storm, a street): such mentions neither get an entry nor vote for the document's context;
// - an AcceptRule looks at the entry ranking chose for a mention, with the evidence for it, and
//   says why the mention is not that place after all (a common word, a small place without
//   support). A rule returns the reason, or null to leave the mention to the next rule.
import type { GazetteerEntry } from '../gazetteer.js';
import type { Mention } from '../recognize.js';
import type { ScoreParts } from '../score.js';

/** What the gate rules know about the document. */
export interface DocumentMentions {
  mentions: readonly Mention[];
  /** Mention index → the index of the mention that follows it after a comma ("Green Bay, Wisconsin"). */
  containerOf: ReadonlyMap<number, number>;
  /** Names that are a storm's somewhere in the text (stormName.ts). */
  storms: ReadonlySet<string>;
  /** Names that are a person's somewhere in the text (personName.ts). */
  persons: ReadonlySet<string>;
}

export interface GateRule {
  name: string;
  /** Why mention i is no place, or null. */
  gate(m: Mention, i: number, doc: DocumentMentions): string | null;
}

/** The entry ranking chose for a mention, and the evidence for it. */
export interface Choice {
  /** The mention being decided. */
  mention: Mention;
  /** Every mention of the same name in the text (one sense per document). */
  mentions: readonly Mention[];
  entry: GazetteerEntry;
  parts: ScoreParts;
  /** The document points to the entry: its state, containment, a place nearby, or 30 % of the
   * rest of the document's country votes. */
  supported: boolean;
  /** The rest of the document's share of votes for the entry's country. */
  countryShare: number;
  /** The country the rest of the document votes for most, with its share and the votes' weight. */
  leadingCountry: { key: string; share: number; weight: number } | null;
  /** Some mention of the name is said to lie in the next one ("Taji, Iraq"). */
  contained: boolean;
  /** The entries ranking chose for the names said to contain a mention of this one. */
  containers: readonly GazetteerEntry[];
  /** Some candidate of the mention bears the name as its own, not as an alternate name. */
  ownName: boolean;
}

export interface AcceptRule {
  name: string;
  /** Why the mention is not the chosen entry, or null. */
  reject(c: Choice): string | null;
}

/** In the state of another place, inside or containing the next or previous name. */
export const closeBy = (p: ScoreParts): boolean => !!(p.state || p.inside || p.contains);

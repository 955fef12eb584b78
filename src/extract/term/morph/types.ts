// What a language's inflection module gives the word-family expander (../families.ts).

/**
 * Verb form tags. English: base, s (third person), past, pp (past participle), ing.
 * Spanish and French: inf (infinitive), pres (third person present, singular and plural),
 * past (third person preterite), pp (participle in every gender and number), ger (gerund),
 * impf (third person imperfect, singular and plural: "huían", "fuyaient", the tense of a story's
 * background and of relative clauses: "200 personas que huían del ciclón").
 */
export type VerbTag = 'base' | 's' | 'past' | 'pp' | 'ing' | 'inf' | 'pres' | 'ger' | 'impf';

/** An irregular lemma's forms, by tag; a tag left out follows the regular rules. */
export type Irregular = Partial<Record<VerbTag | 'plural', string[]>>;

export interface Morphology {
  /** Every form of a verb lemma, by tag. */
  verb(lemma: string, irregular: Readonly<Record<string, Irregular>>): Map<VerbTag, string[]>;
  /** The plural(s) of a noun lemma. */
  plural(noun: string, irregular: Readonly<Record<string, Irregular>>): string[];
  /**
   * The forms a verb family brings when its entry names none. Spanish and French leave the
   * infinitive out: after "decidió", "prévoit de", "para" it reports a plan, not a movement;
   * families whose infinitive is common in reports ("evacuar", "fuir") ask for it.
   */
  defaultTags: VerbTag[];
  /** The preposition after a nominalisation whose object is the figure ("evacuation of 300"). */
  of: string[];
}

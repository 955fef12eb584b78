// Which form a verb is in, read off its ending where the generators beside this file (en.ts, es.ts,
// fr.ts) write the forms a family's lemma takes: the future and conditional no family generates,
// and the base a modal takes.

/**
 * Spanish and French future and conditional endings after an infinitive ("desplazar-án", "huir-ían",
 * "fuir-ont", "quitter-aient"); the imperfect has no infinitive before them ("huían", "fuyaient",
 * "rentraient").
 */
const FUTURE: Partial<Record<string, RegExp>> = {
  es: /(?:ar|er|ir)(?:á|án|ás|ía|ían|íamos)$/u,
  fr: /(?:er|ir)(?:ont|ait|aient|ai|as)$/u,
};

export function futureForm(word: string, lang: string): boolean {
  return FUTURE[lang]?.test(word) ?? false;
}

/**
 * A verb in the form a modal takes: a Spanish or French infinitive ("desplazar", "desplazarse",
 * "déplacer"), or an English base (plain letters, no "-ed", "-ing" or "-s"). Language-blind, as the
 * lexicon merges the languages: a verb right after "and" in a modal's clause is in that form in
 * every one of them.
 */
const INFINITIVE = /(?:ar|er|ir|re)(?:se)?$/u;
const ENGLISH_BASE = /^[a-z]+$/u;
const INFLECTED = /(?:ed|ing|s)$/u;

export function baseForm(word: string): boolean {
  return INFINITIVE.test(word) || (ENGLISH_BASE.test(word) && !INFLECTED.test(word));
}

/** A participle of result: "displacing", "desplazando", "obligeant". */
const GERUND = /(?:ing|ando|iendo|ant)$/u;

export function gerundForm(word: string): boolean {
  return GERUND.test(word);
}

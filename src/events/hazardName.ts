// The name a text gives a hazard ("Cyclone Mocha", "Typhoon Haiyan", "Storm Daniel"): the
// introducing words are data (lexicon/en/events/hazard-names.json); the name is the
// capitalised word after them. A named storm is one event wherever it makes landfall.
import { readFileSync } from 'node:fs';

interface HazardNames {
  storm: string[];
  not_names: string[];
}

const DATA = JSON.parse(
  readFileSync(new URL('../../lexicon/en/events/hazard-names.json', import.meta.url), 'utf8'),
) as HazardNames;

const NOT_NAMES = new Set(DATA.not_names);
// Longest introducer first, so "Tropical Storm Ana" is not read as "Storm Ana" only.
const INTRODUCERS = [...DATA.storm].sort((a, b) => b.length - a.length);
// Case-sensitive: a name is written capitalised ("Cyclone Mocha"), the introducer too, which
// keeps "a storm resulted" and "the cyclone season" out.
const capitalised = (w: string) => w.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
const PATTERN = new RegExp(
  `\\b(${INTRODUCERS.map((w) => capitalised(w).replace(/\s+/g, '\\s+')).join('|')})\\s+(\\p{Lu}[\\p{Ll}'’-]+)`,
  'gu',
);

function titleCase(words: string): string {
  return words
    .split(/\s+/)
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1).toLowerCase())
    .join(' ');
}

/** The first named hazard in the texts, as "Cyclone Mocha", or null. */
export function hazardName(...texts: (string | null)[]): string | null {
  for (const text of texts) {
    if (!text) continue;
    for (const m of text.matchAll(PATTERN)) {
      const name = m[2]!;
      if (NOT_NAMES.has(name.toLowerCase())) continue;
      return `${titleCase(m[1]!)} ${name}`;
    }
  }
  return null;
}

/** The name without its introducer ("Mocha"): "Cyclone Mocha" and "Tropical Cyclone Mocha"
 * are one storm. */
export function hazardNameKey(name: string | null): string | null {
  return name ? name.split(/\s+/).pop()!.toLowerCase() : null;
}

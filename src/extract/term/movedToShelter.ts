// "175,000 people had been transferred to shelters", "96,000 families moved to evacuation
// centres", "169 personas trasladadas a albergues temporales": people taken to a shelter were
// evacuated there, and are sheltered. The destination phrase gives the stay; this refiner reads
// the verb of being taken before it as the evacuation (a plain relocation verb becomes one), the
// way "evacuated to shelters" already states both.
import type { Lexicon } from '../lexicon.js';
import type { Link } from '../link.js';

/** How many destination words ("to the", "a los") may stand between the verb and the shelter trigger. */
const OPENERS = 2;

export function movedToShelter(norms: readonly string[], links: readonly Link[], lex: Lexicon): Link[] {
  const out = [...links];
  for (const stay of links) {
    if (!lex.stayingTerms.has(stay.term) || stay.direction !== 'after') continue;
    const verb = Math.max(
      movedBefore(norms, stay.trigger.first, lex),
      movedObject(norms, stay.figure.quantity.lead, lex),
      // The stay phrase may open with the verb itself: "620,000 people had moved into cyclone
      // shelters" (not "taken shelter", "taken refuge": no destination after the verb).
      lex.movedTo.has(norms[stay.trigger.first] ?? '') && lex.destinationOpeners.has(norms[stay.trigger.first + 1] ?? '')
        ? stay.trigger.first
        : -1,
    );
    if (verb < 0) continue;
    const same = out.filter((l) => l.figure === stay.figure);
    const relocation = same.find(
      (l) => l.term === 'relocated' && l.trigger.first <= verb && verb < l.trigger.next,
    );
    // A site named for relocation ("relocated to 14 temporary relocation sites") keeps a verb of
    // relocation what it says.
    const kept = relocates(norms, verb, lex) && namesRelocation(norms, Math.max(verb + 1, stay.trigger.first), stay.trigger.next, lex);
    if (relocation && kept) continue;
    if (relocation) out[out.indexOf(relocation)] = evacuation(relocation, relocation.score, false);
    else if (!same.some((l) => lex.leftTerms.has(l.term)))
      out.push(kept ? moved(stay, 'relocated', 'relocated:to-relocation-site') : evacuation(stay, stay.score - 0.1, true));
  }
  return out;
}

/** Whether the word at k is a one-word trigger of relocation ("relocated", "relocation"). */
function relocates(norms: readonly string[], k: number, lex: Lexicon): boolean {
  return !!lex.triggers.get(norms[k] ?? '')?.some((e) => e.term === 'relocated' && e.words.length === 1);
}

/** Whether a word of the stay phrase opens a trigger of relocation ("relocation sites"). */
function namesRelocation(norms: readonly string[], first: number, next: number, lex: Lexicon): boolean {
  for (let k = first; k < next; k++)
    if (!lex.destinationOpeners.has(norms[k]!) && lex.triggers.get(norms[k]!)?.some((e) => e.term === 'relocated'))
      return true;
  return false;
}

/** `link` read as an evacuation to a shelter, with its own reason. */
function evacuation(link: Link, score: number, coordinated: boolean): Link {
  const { coordinated: _, ...read } = moved(link, 'evacuated', 'evacuated:moved-to-shelter');
  return { ...read, score, ...(coordinated ? { coordinated } : {}) };
}

/** `link` read as the move that took people to their stay. */
function moved(link: Link, term: 'evacuated' | 'relocated', reason: string): Link {
  const entry = { ...link.trigger.entry, term, reason };
  return { ...link, trigger: { ...link.trigger, entry }, term, score: link.score - 0.1, coordinated: true };
}

/** The index of a verb of being taken right before the destination at `first`, or -1. */
export function movedBefore(norms: readonly string[], first: number, lex: Lexicon): number {
  let k = first - 1;
  for (let n = 0; n < OPENERS && lex.destinationOpeners.has(norms[k] ?? ''); n++) k--;
  // The destination's own first word may be the trigger's: "to shelters" opens at `first`. A
  // destination needs its opener: "relocated in three camps" says where they live, not where to.
  if (k === first - 1 && !lex.destinationOpeners.has(norms[first] ?? '')) return -1;
  if (lex.movedTo.has(norms[k] ?? '')) return k;
  // "moved from the riverbank to a nearby school", "trasladados desde la ribera a la escuela": the
  // place they left may stand between the verb and where it took them.
  // A list of places left may stand there too: "se movilizaron de Puela, Capil y Palitahua a los albergues".
  for (let j = k; j >= Math.max(1, k - ORIGIN_REACH); j--) {
    if (!/^\p{L}/u.test(norms[j] ?? '') && norms[j] !== ',') return -1;
    if (ORIGIN_OPENERS.has(norms[j]!)) return lex.movedTo.has(norms[j - 1]!) ? j - 1 : -1;
  }
  return -1;
}

/** The most words of the place left between a verb of being taken and its destination ("from [the riverbank]"). */
const ORIGIN_REACH = 6;
/** Words that open the place left: "from", "desde", "de", "depuis". */
const ORIGIN_OPENERS = new Set(['from', 'desde', 'de', 'depuis', 'du', 'des']);

/** The preposition before a person object in Spanish and French ("trasladaron [a] 3.000 vecinos"). */
const PERSONAL_A = new Set(['a', 'à']);

/**
 * The index of a verb of being taken whose object is the figure at `lead` ("trasladaron a 3.000
 * vecinos a albergues", "moved 400 families to the school"), or -1.
 */
export function movedObject(norms: readonly string[], lead: number, lex: Lexicon): number {
  const k = lead - (PERSONAL_A.has(norms[lead - 1] ?? '') ? 2 : 1);
  return k >= 0 && lex.movedTo.has(norms[k] ?? '') ? k : -1;
}

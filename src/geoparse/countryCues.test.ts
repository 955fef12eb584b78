import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cueCountry } from './countryCues.js';
import { loadPlacesLexicon } from './lexicon.js';
import { tokenize } from './recognize.js';

const cue = (text: string) =>
  cueCountry(text, tokenize(text), loadPlacesLexicon().countryCues)?.country ?? null;

// Positive rows: a text that names no place → the country its cue words point to.
const POSITIVE: [string, string][] = [
  ['Around 300 families from two barangays were moved to the gym.', 'PH'],
  ['The upazila chairman said 1,200 homes were washed away.', 'BD'],
  ['Some 4,000 people were displaced in three woredas of the zone.', 'ET'],
  ['The NDRRMC counted 12,400 evacuees on Tuesday.', 'PH'],
  ['BNPB said 2,100 houses were damaged.', 'ID'],
  ['According to ONEMI, 640 people remain in shelters.', 'CL'],
  ['Relief worth 3 lakh was given to 500 families in the taluk.', 'IN'],
  ['Each displaced household received 20,000 naira.', 'NG'],
  ['The NDMA and the PDMA said 900 homes were destroyed.', 'PK'],
  ['Unas 300 familias chilenas fueron evacuadas del cerro.', 'CL'],
  ['Quelque 2 000 familles haïtiennes ont perdu leur maison.', 'HT'],
  ['SES crews said the bushfire destroyed 40 homes.', 'AU'],
  ['Families in the oblast were evacuated; the hromada opened two shelters.', 'UA'],
  // Armed groups and peacekeeping missions tied to one country.
  ['Al-Shabaab attacks forced 3,000 people to flee their homes.', 'SO'],
  ['The M23 offensive has displaced 100,000 people.', 'CD'],
  ['Houthi shelling displaced 900 families.', 'YE'],
  ['MONUSCO said 12,000 people had sought refuge near its base.', 'CD'],
  // A long agency acronym as Spanish news writes it, with one capital.
  ['La Conred informó que 1.172 personas fueron afectadas por las lluvias.', 'GT'],
  ['Según Sinaproc, 300 familias fueron evacuadas.', 'PA'],
];

// Negative rows: no cue, or cues that do not single out one country.
const NEGATIVE: string[] = [
  'About 500 people were displaced by the storm.',
  // Spread thinly over many countries: a governorate alone says little.
  'Some 700 families fled to the next governorate.',
  // Acronyms only count as written: "ses" and "Naira" (a given name) are not cues.
  'The ses were closed; Naira Khan said 30 homes burned.',
  // Two countries' cues in equal measure: no decision.
  'Aid in taka and in naira was distributed.',
  'Damages were estimated in pesos.',
  // An acronym of an armed group counts only as written: "adf" is no cue.
  'The adf file lists 300 evacuated families.',
  // Short acronyms stay capitals only: "Nema" and "Sema" are names.
  'Nema and Sema said 40 homes were flooded.',
];

for (const [text, expected] of POSITIVE)
  test(`cue country ${expected}: ${text}`, () => assert.equal(cue(text), expected));

for (const text of NEGATIVE) test(`no cue country: ${text}`, () => assert.equal(cue(text), null));

test('the cue words that decided are kept, as written', () => {
  const text = 'The NDRRMC said 300 families in two barangays were evacuated.';
  const r = cueCountry(text, tokenize(text), loadPlacesLexicon().countryCues);
  assert.deepEqual(r?.cues, ['NDRRMC', 'barangays']);
});

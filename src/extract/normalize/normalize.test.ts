// Tables of damaged → repaired text for each repair, and near misses that must stay as they are.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeText } from './index.js';

const names = new Set(['athens', 'apure', 'clearwater']);
const repair = (s: string, lang = 'en') => normalizeText(s, lang, { isName: (w) => names.has(w) }).text;

const REPAIRED: [damaged: string, repaired: string][] = [
  // glued words
  ['Some 4,000 residents wereevacuated on Tuesday.', 'Some 4,000 residents were evacuated on Tuesday.'],
  ['The militia attack hadforced villagers to flee.', 'The militia attack had forced villagers to flee.'],
  ['Fighting displacedmore than 9,000 people.', 'Fighting displaced more than 9,000 people.'],
  ['Nearly 2,500familieswere relocated.', 'Nearly 2,500 families were relocated.'],
  ['About 730households hadfled the valley.', 'About 730 households had fled the valley.'],
  [
    'Relocated to date: 26,177ind / 5,840HH (1,112HHs to camp 4).',
    'Relocated to date: 26,177 ind / 5,840 HH (1,112 HHs to camp 4).',
  ],
  // a loose decimal point before a scale word
  ['Aid for the 1. 4 million displaced.', 'Aid for the 1.4 million displaced.'],
  ['The storm left 3.5million without shelter.', 'The storm left 3.5 million without shelter.'],
  [
    'They stayed ina school and asa result of the rains.',
    'They stayed in a school and as a result of the rains.',
  ],
  ['Thelandslide buried the road.', 'The landslide buried the road.'],
  ['Accordingto officials, Morethan 600 left.', 'According to officials, More than 600 left.'],
  ['Twohundred people took refuge.', 'Two hundred people took refuge.'],
  ['Atotal of 85 huts burned.', 'A total of 85 huts burned.'],
  ['Aid reached peopleinChad and theUN said so.', 'Aid reached people in Chad and the UN said so.'],
  ['The EmergencyManagement office opened.', 'The Emergency Management office opened.'],
  ['Water rose onMondaymorning and on 14October.', 'Water rose on Monday morning and on 14 October.'],
  [
    'A total of20 people, atotalof35 and Over130 left.',
    'A total of 20 people, a total of 35 and Over 130 left.',
  ],
  ['The quake left 12 dead4,000 homeless.', 'The quake left 12 dead4,000 homeless.'],
  ['Two died and800 fled; 85,000of them returned.', 'Two died and 800 fled; 85,000 of them returned.'],
  ['The IDPsin camps, NGOsare busy and UNHCRsaid so.', 'The IDPs in camps, NGOs are busy and UNHCR said so.'],
  // a key figure's label glued to the words after it
  ['Evacueesabout 23,000 people; Refugeesin Chad 8,100.', 'Evacuees about 23,000 people; Refugees in Chad 8,100.'],
  ['Displacedmore than 4,000; Homestead stayed dry.', 'Displaced more than 4,000; Homestead stayed dry.'],
  // line-end hyphens
  ['Hundreds were evacu-\nated from the coast.', 'Hundreds were evacuated from the coast.'],
  [
    'They reached IDP-\nhosting areas for the long-\nterm.',
    'They reached IDP-hosting areas for the long-term.',
  ],
  [
    'The river flooded the settle-\nmentsnear the delta.',
    'The river flooded the settlements near the delta.',
  ],
  ['Relief went to dis\u00adplaced families.', 'Relief went to displaced families.'],
  // a line-end hyphen whose line break the extraction flattened to a space
  ['Responders evacuated 30 in- jured people.', 'Responders evacuated 30 injured people.'],
  ['Some 4,000 were evacu- ated and 900 relo- cated.', 'Some 4,000 were evacuated and 900 relocated.'],
  // line breaks inside a sentence, runs of spaces
  ['Some 600 people were\nmoved to the stadium.', 'Some 600 people were moved to the stadium.'],
  ['Rains hit 1,400\nhomes   in the  north.', 'Rains hit 1,400 homes in the north.'],
  // a key figure's scale word on its own line, a loose decimal point
  ['KEY FIGURES\n\n26 . 4\n\nmillion refugees', 'KEY FIGURES\n\n26.4 million refugees'],
  ['12.5\n\nMILLION\n\nPEOPLE DISPLACED', '12.5 MILLION\n\nPEOPLE DISPLACED'],
  // mojibake
  ['The agencyâ€™s team said â€œ500 peopleâ€\u009d fled.', 'The agency’s team said “500 people” fled.'],
  ['Rescuers â€“ mostly volunteers â€” arrived.', 'Rescuers – mostly volunteers — arrived.'],
  ['Flooding in SÃ£o Paulo and CÃ´te dâ€™Ivoire.', 'Flooding in São Paulo and Côte d’Ivoire.'],
  ['The mayorâ€ said nothing.', 'The mayor” said nothing.'],
  ['The camp\ufffds residents couldn\ufffdt return.', 'The camp’s residents couldn’t return.'],
  ['Â£2 million for 1,000Â\u00a0families', '£2 million for 1,000\u00a0families'],
  ['Some 1,000Â families.Â The rest', 'Some 1,000 families. The rest'],
  ['The UNHCRÃ¢â‚¬â„¢s office', 'The UNHCR’s office'],
  // read as a Central European charset: Windows-1250, Latin-2, Latin-10 (one chosen per text)
  ['Quelque 762 personnes sont Ă©vacuĂ©es Ă La Faute.', 'Quelque 762 personnes sont évacuées à La Faute.'],
  [
    'Ils doivent ĂȘtre relogĂ©s sur l’Ăźle, oĂč la tempĂȘte a frappĂ©.',
    'Ils doivent être relogés sur l’île, où la tempête a frappé.',
  ],
  ['La poblaciĂłn estĂˇ en albergues de ValĂ¨ncia.', 'La población está en albergues de València.'],
];

const UNTOUCHED = [
  // known compounds, legitimate hyphens, numbers and codes
  'The well-being of IDP-hosting communities after COVID-19 and H1N1.',
  // a hyphen before a space written on purpose: shared word parts and halves that are words
  'Pre- and post-flood surveys, short- and long-term needs, a long- term plan, self- reliance.',
  'Some 2,300 people; 10km away; the 19th district; the 1990s; 2.5m; A320neo; 5pm; 10am; A4 paper; G7.',
  // a count unit inside a code is no unit: "A12HH", "KHH"
  'Form A12HH and the KHH code.',
  'IDPs, NGOs, PhD, UNHCR and mRNA.',
  'São Paulo, Côte d’Ivoire, Zürich, NÃO and ÂNGELA.',
  // Central European letters are letters: Polish, Czech and Romanian names stay as written
  'Wrocław, Łódź, Częstochowa, Gdańsk, Brăila, Ústí nad Labem and Oradea’s Ăla.',
  // names: places, people, inner capitals, names after a hyphen
  'Residents of Athens, Apure and Clearwater met McDonald, LeBron and President al-Assad.',
  'Kathmandu, Maiduguri, Somaliland, Jubaland, Pakistanis and Nepalis; Greenpeace and iPhone.',
  // URLs, e-mail addresses, hashtags, paths
  'See https://reliefweb.int/report/floodupdate, mail help@agencyname.org or #floodrelief.',
  'The file sitrep_final.pdf is in /data/reports.',
  // real words and domain words the general list lacks
  'The barangays, upazilas and woredas hosted IDPs; livelihoods recovered.',
  // legitimate text in other scripts and languages
  'Más de 2.000 personas fueron evacuadas en Río Bravo.',
  // paragraphs, headings, bullets and table cells stay on their lines
  'Situation overview\nFloods hit the north.\n\n• 1,200 displaced\n• 300 homes\nDistrict\t|\tDisplaced\nNorth\t|\t4,000',
  // a figure and a scale word in a sentence of their own, or a date before a heading
  'Figures for 2024\n\nMillions of people fled.',
  'The report of 12 May 2024 . 4 annexes follow.',
];

test('damaged text is repaired', () => {
  for (const [damaged, repaired] of REPAIRED)
    assert.equal(repair(damaged), repaired, JSON.stringify(damaged));
});

test('near misses stay untouched', () => {
  for (const clean of UNTOUCHED) assert.equal(repair(clean), clean);
});

test('halves of a term split by "- " are joined even when both are words', () => {
  const terms = new Set(['displaced', 'returned']);
  const fix = (s: string) =>
    normalizeText(s, 'en', { isName: (w) => names.has(w), isTerm: (w) => terms.has(w) }).text;
  assert.equal(
    fix('Some 9,000 remain dis- placed and 4,000 re- turned.'),
    'Some 9,000 remain displaced and 4,000 returned.',
  );
  // Not without the extractor's word: "placed" and "turned" are words.
  assert.equal(repair('Some 9,000 remain dis- placed.'), 'Some 9,000 remain dis- placed.');
  assert.equal(
    fix('Pre- and post-flood surveys, a long- term plan.'),
    'Pre- and post-flood surveys, a long- term plan.',
  );
});

test('a U+FFFD that is not an apostrophe stays, and Spanish text is not segmented', () => {
  assert.equal(repair('Mar\ufffda fled with 30 others.'), 'Mar\ufffda fled with 30 others.');
  assert.equal(repair('unos 300 desplazadosen la zona', 'es'), 'unos 300 desplazadosen la zona');
  assert.equal(repair('l\ufffdarmée a évacué 200 personnes', 'fr'), 'l’armée a évacué 200 personnes');
  // Without a word list, a lower-case continuation after a line-end hyphen is joined.
  assert.equal(repair('fueron evacu-\nados', 'es'), 'fueron evacuados');
});

test('French inclusive writing loses its marks, and only in French', () => {
  const fr = (s: string) => repair(s, 'fr');
  assert.equal(fr('2146 migrant-e-s haïtien-ne-s rapatrié-e-s'), '2146 migrants haïtiens rapatriés');
  assert.equal(fr('300 déplacé·e·s et 40 réfugié.e.s'), '300 déplacés et 40 réfugiés');
  assert.equal(fr('1 200 déplacé(e)s recensé(e)s, une personne rapatrié-e'), '1 200 déplacés recensés, une personne rapatrié');
  // Hyphenated words, abbreviations and words after a line's end are not marks.
  assert.equal(fr('Porto-Novo, Saint-Louis et la Côte-Nord; voir p.e.s.'), 'Porto-Novo, Saint-Louis et la Côte-Nord; voir p.e.s.');
  assert.equal(repair('the e-mail and re-entry', 'en'), 'the e-mail and re-entry');
  const { text, map } = normalizeText('Quelque 4301 retourné-e-s ont été enregistré-e-s.', 'fr');
  assert.equal(text, 'Quelque 4301 retournés ont été enregistrés.');
  assert.equal(map.toOriginalEnd(text.indexOf('enregistrés') + 'enregistrés'.length), 'Quelque 4301 retourné-e-s ont été enregistré-e-s'.length);
});

test('a U+FFFD in place of an accented letter is repaired when one spelling is known', () => {
  const places = new Map([['Valpara\u00edso', 'Valpara\u00edso']]);
  const spellPlace = (spellings: readonly string[]) => spellings.find((s) => places.has(s));
  const fix = (s: string, lang: string) => normalizeText(s, lang, { spellPlace }).text;
  // Words of the lexicon: triggers, units, qualifiers, in the language of the text or another.
  assert.equal(fix('La evacuaci\ufffdn de 4.500 personas', 'es'), 'La evacuación de 4.500 personas');
  assert.equal(
    fix('12 000 personnes ont \ufffdt\ufffd d\ufffdplac\ufffdes', 'fr'),
    '12 000 personnes ont été déplacées',
  );
  assert.equal(fix('25,081 PDI (5,175 m\ufffdnages)', 'en'), '25,081 PDI (5,175 ménages)');
  assert.equal(fix('M\ufffds de 300 familias', 'es'), 'Más de 300 familias');
  assert.equal(fix('EVACUACI\ufffdN', 'es'), 'EVACUACIÓN');
  // A place's name, spelt as the gazetteer spells it.
  assert.equal(fix('el puerto de Valpara\ufffdso', 'es'), 'el puerto de Valparaíso');
  // Unknown words, names that are no place, and lone replacement characters stay.
  assert.equal(fix('cercan\ufffdas de Mar\ufffda \ufffd 30', 'es'), 'cercan\ufffdas de Mar\ufffda \ufffd 30');
  // Offsets still point into the damaged text.
  const r = normalizeText('La evacuaci\ufffdn de 4.500 personas', 'es', { spellPlace });
  assert.deepEqual(r.map.toOriginal([17, 22]), [17, 22]);
});

test('clean text comes back as the same string with an identity map', () => {
  const clean = 'Up to 190,000 people have been displaced by the fighting.';
  const r = normalizeText(clean, 'en');
  assert.equal(r.text, clean);
  assert.ok(r.map.isIdentity);
});

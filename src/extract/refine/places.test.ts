// Places and countries of facts: sentence → the figure's country, refugees' origin and the
// names of its locations. Sentences written for these tests, one per construction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../index.js';

interface Want {
  figure: number;
  country: string | null;
  origin?: string | null;
  locations?: string[];
}

const ROWS: [string, Want][] = [
  // Refugees: the demonym before the trigger, or the place after "from", is the origin; the
  // host is the place where they are.
  [
    'Some 5,000 Sudanese refugees arrived in Chad last week.',
    { figure: 5000, country: 'TCD', origin: 'SDN', locations: ['Chad'] },
  ],
  // …or the people's own "from" between the figure and the flight.
  [
    'Approximately 9,300 people from South Sudan have fled to Uganda since May.',
    { figure: 9300, country: 'UGA', origin: 'SSD', locations: ['Uganda'] },
  ],
  [
    'Lebanon hosts 1.5 million Syrian refugees.',
    { figure: 1500000, country: 'LBN', origin: 'SYR', locations: ['Lebanon'] },
  ],
  // Returnees counted by nationality came home to it, whatever country the sentence names first.
  [
    'The war in Sudan has pushed some 45,000 South Sudanese returnees back across the border.',
    { figure: 45000, country: 'SSD' },
  ],
  // A nationality as the counted noun of a host verb's object names where they came from.
  [
    'Neighbouring Uganda, which has received some 80,000 Congolese since January, needs more land.',
    { figure: 80000, country: 'UGA', origin: 'COD', locations: ['Uganda'] },
  ],
  // The conflict's country before the figure, the destination after a toward word: one each.
  [
    'The fighting in Burundi has forced some 14,000 refugees to flee into Rwanda since March.',
    { figure: 14000, country: 'RWA', origin: 'BDI', locations: ['Rwanda'] },
  ],
  // Two destinations, one per figure: neither is the other's origin.
  [
    'About 7,500 people crossed into Niger and 2,100 others into Chad this week.',
    { figure: 7500, country: 'NER', origin: null, locations: ['Niger'] },
  ],
  [
    'About 7,500 people crossed into Niger and 2,100 others into Chad this week.',
    { figure: 2100, country: 'TCD', origin: null, locations: ['Chad'] },
  ],
  [
    'About 3,000 refugees fleeing Myanmar crossed into Bangladesh on Monday.',
    { figure: 3000, country: 'BGD', origin: 'MMR', locations: ['Bangladesh'] },
  ],
  [
    'The camp in Kenya took in 2,000 refugees from neighbouring Somalia.',
    { figure: 2000, country: 'KEN', origin: 'SOM', locations: ['Kenya'] },
  ],
  [
    'More than 12,000 people crossed from Burundi into Rwanda over the weekend.',
    { figure: 12000, country: 'RWA', origin: 'BDI', locations: ['Rwanda'] },
  ],
  // Origin named, host not: no host country is made up.
  [
    'The camp hosts 20,000 refugees from South Sudan.',
    { figure: 20000, country: null, origin: 'SSD', locations: [] },
  ],
  // Where the origin word leads to the host, the place is the host ("who had escaped to Chad").
  [
    'The influx adds to the 40,000 refugees who had escaped to Kenya last year.',
    { figure: 40000, country: 'KEN', origin: null, locations: ['Kenya'] },
  ],
  // Returnees: the countries after "from" are where they came from; their demonym is home.
  [
    'Since March, 250,000 Afghan migrants have returned from Pakistan and Iran.',
    { figure: 250000, country: 'AFG', origin: 'PAK', locations: [] },
  ],
  // …even when only the first country is read as the one left and another follows it.
  [
    'Last year 98,400 undocumented Afghans returned or were deported from Pakistan and 211,000 from Iran.',
    { figure: 98400, country: 'AFG', origin: 'PAK', locations: [] },
  ],
  // …but a return from a town or camp stays in its country.
  [
    'Some 3,000 families returned from camps in Mosul to their villages last month.',
    { figure: 3000, country: 'IRQ', origin: null },
  ],
  // A list of figures each with its place: each figure is located at its own.
  [
    'Floods displaced 3,500 people in Kasese, 15,000 in Kampala and 2,200 in Mbale.',
    { figure: 15000, country: 'UGA', locations: ['Kampala'] },
  ],
  // Near misses: a demonym after the figure names the people, not an origin, for other terms;
  // a place after "in" is where refugees are, not where they came from.
  ['About 4,000 Syrians were displaced by the fighting.', { figure: 4000, country: 'SYR', origin: null }],
  [
    'Some 900 refugees in Uganda were moved to a new settlement.',
    { figure: 900, country: 'UGA', origin: null, locations: ['Uganda'] },
  ],
  // No place and no demonym: cue words give the country.
  [
    'Officials said 1,200 families were evacuated from two barangays.',
    { figure: 1200, country: 'PHL', locations: [] },
  ],
  [
    'The upazila administration said 3,500 people were moved to cyclone shelters.',
    { figure: 3500, country: 'BGD', locations: [] },
  ],
  ['No cue at all: 700 people were evacuated.', { figure: 700, country: null, locations: [] }],
  // A place the gazetteer lacks, named after a locative in a sentence with no known place: the
  // name locates the figure, without coordinates, in the document's country.
  [
    'Fighting in North Darfur continued. Some 3,400 families have arrived in Umm Baru Gadid since Monday.',
    { figure: 3400, country: 'SDN', locations: ['Umm Baru Gadid'] },
  ],
  [
    'Floods hit Somalia. An estimated 900 families in Bula Xaawo Dhexe district have left their homes.',
    { figure: 900, country: 'SOM', locations: ['Bula Xaawo Dhexe'] },
  ],
  // A list item's own place that no gazetteer holds: in front of its bracket, or after a locative.
  [
    'In Cabo Delgado, 20,000 displaced people are in accommodation centres, including Pemba (8,208) and Mieze Sede (3,600).',
    { figure: 3600, country: 'MOZ', locations: ['Mieze Sede'] },
  ],
  [
    'Partners counted 3,546 flood-displaced people in Pochalla, South Sudan, and 15,360 in Nyirol Payam.',
    { figure: 15360, country: 'SSD', locations: ['Nyirol Payam'] },
  ],
  // Not a place: a month, a body's acronym, an organisation.
  [
    'Floods hit Somalia. An estimated 900 families have left their homes in January, according to OCHA.',
    { figure: 900, country: 'SOM', locations: ['Somalia'] },
  ],
];

// Spanish and French put the demonym after the noun: "réfugiés soudanais" came from Sudan.
const ROMANCE: [string, 'es' | 'fr', Want][] = [
  // A church or school named after a saint is no town of that name ("San José" is in Costa Rica).
  [
    'Unas 200 personas se encuentran alojadas en la iglesia San José.',
    'es',
    { figure: 200, country: null, origin: null },
  ],
  [
    "Quelque 200 personnes sont hébergées dans l'église Saint-Pierre.",
    'fr',
    { figure: 200, country: null, origin: null },
  ],
  [
    'Le Tchad accueille désormais plus de 60 000 réfugiés soudanais à Adré.',
    'fr',
    { figure: 60000, country: 'TCD', origin: 'SDN' },
  ],
  [
    'Colombia recibió a 30.000 refugiados venezolanos en Cúcuta durante el mes.',
    'es',
    { figure: 30000, country: 'COL', origin: 'VEN' },
  ],
  // A part of the host country after "du": where they are, not where they came from.
  [
    "Plus de 48 000 réfugiés ont été accueillis dans l'est du Tchad.",
    'fr',
    { figure: 48000, country: 'TCD', origin: null },
  ],
];

// A list's entry is located at the name it opens with, article and inner particles included,
// in the sentence's country, not at a namesake abroad or at the line's next place.
const ENTRIES: [string, string, Record<number, string>][] = [
  [
    'Las lluvias afectaron al municipio de Aquila, Michoacán. Se habilitaron albergues temporales en:\n  • La Placita, con 40 personas.\n  • El Faro de Bucerías, con 52 personas.\n  • Pueblo de Caire, con 70 familias.',
    'es',
    { 40: 'La Placita', 52: 'El Faro de Bucerías', 70: 'Pueblo de Caire' },
  ],
  [
    'The highest numbers of displacements in Yemen were recorded in:\nAl Hodeidah (152 HH) – Hays (137 HH), Al Khukhah (15 HH) districts.',
    'en',
    { 152: 'Al Hodeidah', 137: 'Hays' },
  ],
  // A bracket may open on the figure's qualifier: each figure keeps the name before its bracket.
  [
    'Most displacements were to Kismayo (more than 31,000 people), Baidoa (more than 27,000) and Dhusamareb (as many as 9,000).',
    'en',
    { 31000: 'Kismayo', 27000: 'Baidoa', 9000: 'Dhusamareb' },
  ],
];

for (const [text, lang, want] of ENTRIES) {
  test(`places of list entries in: ${text}`, () => {
    const got = extract({ text, published: '2024-05-10', lang }).facts;
    for (const [figure, name] of Object.entries(want)) {
      const f = got.find((x) => x.figure === Number(figure));
      assert.ok(f, `fact ${figure} found`);
      assert.equal(f.locations[0]?.name, name);
    }
  });
}

for (const [text, lang, want] of ROMANCE) {
  test(`places of ${want.figure} in: ${text}`, () => {
    const f = extract({ text, published: '2024-05-10', lang }).facts.find((x) => x.figure === want.figure);
    assert.ok(f, 'fact found');
    assert.equal(f.country, want.country);
    assert.equal(f.origin ?? null, want.origin);
  });
}

for (const [text, want] of ROWS) {
  test(`places of ${want.figure} in: ${text}`, () => {
    const f = extract({ text, published: '2024-05-10', lang: 'en' }).facts.find(
      (x) => x.figure === want.figure,
    );
    assert.ok(f, 'fact found');
    assert.equal(f.country, want.country);
    if (want.origin !== undefined) assert.equal(f.origin ?? null, want.origin);
    if (want.locations)
      assert.deepEqual(
        f.locations.map((l) => l.name),
        want.locations,
      );
  });
}

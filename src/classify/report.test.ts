// Relevance as the monitor means it: a document that reports displacement happening or newly
// counted, not one that mentions it in passing. Texts written for these tests (not taken from any
// corpus), read through the whole extractor so the facts signal is the real one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from '../extract/index.js';

const relevance = (text: string) => extract({ text, published: '2024-03-12' }, { geoparse: false }).relevance;

// Filler for articles: ordinary news sentences without displacement words.
const city =
  'The city council met on Tuesday to discuss the budget for road repairs. Several members asked for more money for street lighting and for the public library. The mayor said the plans would be published next month. Local businesses welcomed the decision to extend parking hours in the centre. '.repeat(
    2,
  );

const reports: Array<[string, string]> = [
  [
    'flood report with figures',
    'Floodwaters forced more than 4,000 people from their homes in the river valley on Sunday, the provincial disaster agency said. About 1,200 of them are staying in evacuation centres set up in schools. Rescue teams reached villages cut off by the water on Monday, and officials said 350 houses were destroyed. ' +
      city,
  ],
  [
    'conflict displacement report',
    'Fighting between the army and armed groups has displaced about 15,000 people in the east of the country since last week, aid agencies said on Thursday. Families fled on foot to the district capital, where many are sleeping in churches and schools. Humanitarian partners said food and shelter were urgently needed. ' +
      city,
  ],
  [
    'evacuation of homes before a wildfire',
    'Authorities ordered residents of three towns to leave their homes on Friday as a wildfire spread across the hills. More than 2,500 people were evacuated overnight, and a shelter opened in the sports hall. Firefighters said the flames had reached the edge of the first town by morning. ' +
      city,
  ],
  [
    'short situation update',
    'As of 10 March, 8,400 people remain displaced in the two districts and 600 households are sheltering in collective centres.',
  ],
];

const passing: Array<[string, string]> = [
  [
    'election story that names refugees once',
    'The opposition candidate opened her campaign on Monday with a speech on taxes, pensions and the cost of living. Voters in the capital told reporters that the economy mattered most to them. Her party promised to reform the electoral law and to cut the number of ministries. In the debate that followed, she was asked about refugees and said the asylum system needed reform. The polls show a close race, and the election will be held in May. ' +
      city,
  ],
  [
    'business story where displace means competition',
    'The company said its new delivery robots could displace thousands of jobs in the retail industry over the next decade. Shares rose after the chief executive told investors that revenue had grown in every quarter. Analysts said customers would welcome faster delivery of packages, and that the market for automation software was growing. ' +
      city,
  ],
  [
    'celebrity and advocacy',
    'The actress, known for her film roles, joined the magazine as a contributing editor and will write about displacement and human rights. The editor said her columns would start in the autumn issue. Her new movie premieres at the festival next week, and the album of its songs comes out in June. ' +
      city,
  ],
  [
    'evacuation of an airport terminal',
    'A suspicious bag prompted the evacuation of a terminal at the airport on Sunday afternoon, police said. Passengers were evacuated for about an hour while the bomb squad examined the bag, which turned out to hold clothes. Flights resumed in the evening. ' +
      city,
  ],
  [
    'chronic homelessness and housing costs',
    'The province announced new funding to fight homelessness in rural towns. Rents have risen faster than wages, and landlords say affordable housing is scarce. Outreach workers said people sleeping rough often struggle with addiction and mental illness, and that a shelter bed is hard to find in winter. ' +
      city,
  ],
  [
    'history and remembrance',
    'Thirty years ago, the war drove his family out of their village, and he grew up in a camp across the border. At the anniversary ceremony on Saturday, he spoke about his childhood and his parents, and the museum opened an exhibition about that era. Historians say the memorial keeps the memory of those years alive for new generations. ' +
      city,
  ],
];

for (const [name, text] of reports)
  test(`a report of displacement is relevant: ${name}`, () => {
    const r = relevance(text);
    assert.ok(r >= 0.5, `relevance ${r}`);
  });

for (const [name, text] of passing)
  test(`a passing mention is not relevant: ${name}`, () => {
    const r = relevance(text);
    assert.ok(r < 0.5, `relevance ${r}`);
  });

test('Spanish and French: a report is relevant, an election story that names refugees is not', () => {
  const relleno =
    'El ayuntamiento aprobó el martes el presupuesto para reparar calles y mejorar el alumbrado público. Varios concejales pidieron más dinero para la biblioteca municipal y para los parques. El alcalde dijo que los planes se publicarán el mes próximo. '.repeat(
      2,
    );
  const remplissage =
    "Le conseil municipal a voté mardi le budget pour la réfection des routes et de l'éclairage public. Plusieurs élus ont demandé plus d'argent pour la bibliothèque. Le maire a dit que les plans seraient publiés le mois prochain. ".repeat(
      2,
    );
  const es = relevance(
    'Las inundaciones obligaron a más de 3.000 personas a abandonar sus hogares el domingo, según la agencia de protección civil. Unas 900 familias fueron evacuadas a albergues instalados en escuelas. ' +
      relleno,
  );
  const fr = relevance(
    'Les inondations ont forcé plus de 2 000 personnes à quitter leurs maisons dimanche, selon la protection civile. Quelque 600 familles ont été évacuées vers des écoles. ' +
      remplissage,
  );
  const campaña = relevance(
    'La candidata de la oposición abrió su campaña electoral con un discurso sobre impuestos y pensiones. En el debate le preguntaron por los refugiados y dijo que la ley de asilo necesita una reforma. Las encuestas muestran una carrera reñida y las elecciones serán en mayo. ' +
      relleno,
  );
  assert.ok(es >= 0.5, `es ${es}`);
  assert.ok(fr >= 0.5, `fr ${fr}`);
  assert.ok(campaña < 0.5, `campaña ${campaña}`);
});

test('the same passing mention weighs less in an article than in a paragraph about it', () => {
  const mention = 'The minister was asked about refugees.';
  assert.ok(relevance(mention + ' ' + city.repeat(4)) < relevance(mention));
});

// Sentence → facts tables: what must be read (positive rows) and what must never be
// (negative rows). The sentences are written for these tests, one per construction.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract } from './index.js';
import { assertFacts, type Row } from './test-rows.js';

const facts = (text: string, published: string | null = '2024-05-10') =>
  extract({ text, published, lang: 'en' }).facts;

const POSITIVE: Row[] = [
  [
    'Up to 190,000 people have been displaced by the fighting and that number is bound to rise.',
    [{ term: 'displaced', figure: 190000, qualifier: 'up_to', unit: 'people', cause: 'conflict' }],
  ],
  [
    'Floods forced 4,300 residents to evacuate on Tuesday.',
    [{ term: 'evacuated', figure: 4300, unit: 'people' }],
  ],
  [
    'The storm destroyed 1,200 homes and damaged 3,400 more.',
    [
      { term: 'destroyed_housing', figure: 1200, unit: 'households' },
      { term: 'partially_destroyed_housing', figure: 3400, unit: 'households' },
    ],
  ],
  [
    'Some 2.5 million people have fled their homes since the war began.',
    [{ term: 'forced_to_flee', figure: 2500000, qualifier: 'approximately' }],
  ],
  [
    'At least 350 families were left homeless after the fire.',
    [{ term: 'homeless', figure: 350, unit: 'households', qualifier: 'at_least' }],
  ],
  ['Nearly 12,000 evacuees are sheltering in schools and churches.', [{ term: 'evacuated', figure: 12000 }]],
  [
    'More than 600 people are staying in evacuation centres.',
    [{ term: 'sheltered', figure: 600, qualifier: 'more_than' }],
  ],
  [
    'The clashes have displaced more than 18,000 people in the north.',
    [{ term: 'displaced', figure: 18000, qualifier: 'more_than' }],
  ],
  [
    'Officials ordered 5,000 people to leave their homes as the river rose.',
    [{ term: 'evacuated', figure: 5000 }],
  ],
  [
    'Two people died and about 250 were left homeless after the storm hit the town.',
    [{ term: 'homeless', figure: 250 }],
  ],
  [
    // Relocated to higher ground ahead of danger: an evacuation.
    'Authorities relocated nine hundred and twenty-one households to higher ground.',
    [{ term: 'evacuated', figure: 921, unit: 'households' }],
  ],
  ['The camp now hosts 45,000 refugees from across the border.', [{ term: 'refugees', figure: 45000 }]],
  [
    'About 3,000 returnees have arrived in the district this month.',
    [{ term: 'returns', figure: 3000, qualifier: 'approximately' }],
  ],
  [
    'Flooding has affected 1.2 lakh people and displaced 35,000 in Assam.',
    [{ term: 'displaced', figure: 35000 }],
  ],
  [
    'Between 3,000 and 5,000 people fled the fighting.',
    [{ term: 'forced_to_flee', figure: 3000, range: [3000, 5000] }],
  ],
  [
    'In total, 14 000 people remained evacuated in the northern provinces.',
    [{ term: 'evacuated', figure: 14000 }],
  ],
  ['Damaged houses: 2,417', [{ term: 'partially_destroyed_housing', figure: 2417 }]],
  ['Number of IDPs: 8,950', [{ term: 'displaced', figure: 8950 }]],
  [
    '1,500 families were affected and evacuated to safer areas.',
    [{ term: 'evacuated', figure: 1500, unit: 'households' }],
  ],
  [
    'Hundreds of families have been displaced by the floods.',
    [{ term: 'displaced', figure: null, vague: 'Hundreds', unit: 'households' }],
  ],
  [
    'A total of 12 households were displaced due to destroyed housing in the district.',
    [
      { term: 'displaced', figure: 12 },
      { term: 'destroyed_housing', figure: 12 },
    ],
  ],
  [
    'El incendio obligó a evacuar a 300 personas y destruyó 45 viviendas.',
    [
      { term: 'evacuated', figure: 300 },
      { term: 'destroyed_housing', figure: 45 },
    ],
  ],
  [
    'Nearly half a million people have returned home since the ceasefire.',
    [{ term: 'returns', figure: 500000 }],
  ],
  [
    'As many as 80,000 people are living in makeshift camps after the earthquake.',
    [{ term: 'in_relief_camp', figure: 80000, qualifier: 'up_to' }],
  ],
  [
    'The quake damaged 14 schools, two hospitals and 560 homes.',
    [{ term: 'partially_destroyed_housing', figure: 560 }],
  ],
  [
    'Police evicted 300 families from an informal settlement on Monday.',
    [{ term: 'evicted', figure: 300, unit: 'households' }],
  ],
];

const NEGATIVE: [string, string][] = [
  ['The dam could displace 50,000 people if it is built.', 'hypothetical'],
  ['Authorities are expected to evacuate 2,000 residents tomorrow.', 'future'],
  ['The government plans to relocate 800 families next year.', 'plan'],
  ['No one was displaced, but 12 people were injured.', 'negated / injuries'],
  ['At least 45 people were killed and 120 injured in the attack.', 'deaths and injuries'],
  ['The agency delivered 10,000 dollars and 300 tonnes of food to the camp.', 'aid quantities'],
  ['Some 40 percent of the population has been displaced.', 'percentage'],
  ['The displaced families returned in 2019.', 'year'],
  ['The fire burned 5,000 hectares near the town where residents were evacuated.', 'area'],
  ['Evacuations began at 10 pm on 3 March when the river was 15 km away.', 'time, date, distance'],
  ['More than 2 million people are in need of humanitarian assistance.', 'in need'],
  ['The earthquake affected 680 people in 22 districts.', 'affected'],
  ['She was 12 years old when she fled the village.', 'age'],
  ['Call 0800-123-456 if you were evacuated.', 'phone number'],
  ['The refugee agency opened its 3rd office in the capital.', 'ordinal'],
];

// Sentences read exactly: these facts and no other (coarse reading of a part of the sentence
// that names no displacement of its own).
const EXACT: [sentence: string, lang: string, facts: string[]][] = [
  // A share of a whole named by a relative clause takes the verb after the whole, not the
  // whole's own ("who have left their homes" is the 60,000's).
  ['Nearly 14,000 of the roughly 60,000 people who have left their homes are sleeping in evacuation centres.', 'en', ['sheltered 14000', 'forced_to_flee 60000']],
  // A heading line without a term of its own gives its lines none, whatever came before.
  ['About 2,000 people were displaced last week.\nKey figures\nKabul: 3,400\nHerat: 2,100', 'en', ['displaced 2000']],
  // Subjects joined by "and" share a verb; the dead and the houses of another clause do not.
  ['Además han muerto siete personas y más de 2.300 viviendas han sido destruidas por las lluvias.', 'es', ['destroyed_housing 2300']],
  ['The rains have killed 41 people and almost 9,000 people remain displaced in sites.', 'en', ['displaced 9000']],
  // "Damage" naming an assessment is no verb of the shelters before it.
  ['Red Cross volunteers opened three shelters and began damage assessments in the county.', 'en', []],
  ['Damage assessments show that 420 houses were damaged by the tornado.', 'en', ['partially_destroyed_housing 420']],
  // Homes lost with a count of their own are not the people's: "after 11 houses were destroyed".
  ['In the hill district, 74 people were displaced after 13 houses were destroyed and a further 41 damaged.', 'en', ['displaced 74', 'destroyed_housing 13', 'partially_destroyed_housing 41']],
  // A breakdown in brackets belongs to the count before it, not to the next clause's verb.
  ['By Friday 12 people had died (7 in Alpha and 5 in Beta), 230 families lost their homes and 190 families were evacuated.', 'en', ['homeless 230', 'evacuated 190']],
  // Counts of administrative units named by their acronyms count no homes.
  ['The earthquake flattened more than 8,000 houses from 31 VDCs and two municipalities.', 'en', ['destroyed_housing 8000']],
  // A height glued to digits grouped by a space is no count.
  ['Police may remove villagers refusing to evacuate from the slopes of the 3 142m-high volcano.', 'en', []],
  // A blocker's coordinated partner with a figure of its own is no second predicate of the first figure.
  ['The typhoon left six people missing and prompted the evacuation of 31,000 residents.', 'en', ['evacuated 31000']],
  // A figure that is sites by its copula counts no people, nor does the one denied after it.
  ['The agency runs 71 schools in the strip. Of those, 52 are designated emergency shelters and 19 are not.', 'en', []],
  // Evacuees are counted in the shelters their clause names, unless another figure stands between.
  ['From as many as 1.2 million evacuees, about 90,000 people displaced by the storm still remain in evacuation centres.', 'en', ['evacuated 1200000', 'displaced 90000', 'sheltered 90000']],
  ['Firefighters led 300 evacuees away from the burning building.', 'en', ['evacuated 300']],
  // Homes left standing are no homes destroyed.
  ['Every house in the first village was destroyed, and only three houses remained in the second.', 'en', []],
  ['Only 14 homes were left standing after the tornado destroyed the hamlet.', 'en', []],
  // A storm's arrival is no arrival of people.
  ['The port had evacuated 40,000 residents, including some 700 foreign visitors, prior to the typhoon\'s arrival.', 'en', ['evacuated 40000', 'evacuated 700']],
  // Bare figures listed before one noun share it and its verb.
  ['Rescuers evacuated 1,300, 800, and 250 families from the three hamlets.', 'en', ['evacuated 1300', 'evacuated 800', 'evacuated 250']],
  // A return anticipated or expected has not happened.
  ['Aid agencies are preparing for the anticipated return of 400,000 refugees next year.', 'en', []],
  ['The expected return of 90,000 displaced families was delayed by the rains.', 'en', []],
  // A numbered item's marker before a dash, and a page number, are no counts.
  ['3 – Thousands of villagers reported displaced by renewed clashes', 'en', []],
  ['Conditions in the camps, see p.4, displaced families lack water.', 'en', []],
  // A group named inside the part is not the subject's verb.
  ['Some 1,500 people, including women and displaced children were affected by the floods.', 'en', []],
  // Parts named with their own numbers close their aside; the whole keeps its verb.
  [
    'Officials said 940 people, including 310 children and 200 elderly women, are staying in a school gymnasium.',
    'en',
    ['sheltered 940'],
  ],
  // Sites counted by their own number are the subject of their own clause, not where the figure stays.
  ['About 2,600 people were evacuated, and more than 40 emergency shelters have been opened.', 'en', ['evacuated 2600']],
  ['The survey counted 12,400 IDPs and 18 IDP sites in the district.', 'en', ['displaced 12400']],
  // A whole opened as a share, then a part whose predicate is an age group: a breakdown.
  ['Of the 2,940 residents evacuated since Friday, 1,015 are children, the governor said.', 'en', ['evacuated 2940']],
  ['De las 3.200 personas evacuadas, 1.100 son niños y 400 son adultos mayores.', 'es', ['evacuated 3200']],
  // Households the storm affected are no homes destroyed; households it displaced are people.
  ['The storm affected 300 households and destroyed 45 households in the valley.', 'en', ['destroyed_housing 45']],
  ['The fighting displaced 120 households from the border villages.', 'en', ['displaced 120']],
  // A site that "has" things other than people hosts nobody; a school's pupils are no evacuees.
  ['The camp has 20 latrines and two water points.', 'en', []],
  ['The school has 800 pupils and 30 teachers.', 'en', []],
  // A supposition is no evacuation.
  ["« Imaginez qu'il faille évacuer 20 000 personnes en une nuit », dit le préfet.", 'fr', []],
  // Lives claimed are deaths.
  ['The flood claimed 30 lives and destroyed 120 homes.', 'en', ['destroyed_housing 120']],
  // Those who stayed behind were not moved; an age is no count; jobs are not homes.
  ['Some 40,000 residents were evacuated, but about 6,500 stayed behind to guard their farms.', 'en', ['evacuated 40000']],
  [
    'More than 900,000 people were evacuated from the region. But 120,000 residents stayed behind, in areas under government control.',
    'en',
    ['evacuated 900000'],
  ],
  ['After the shelling 2,300 people fled; 400 elderly villagers remained behind.', 'en', ['forced_to_flee 2300']],
  ['Nearly half of the 12,000 IDPs in the camp are below the age of 15.', 'en', ['displaced 12000']],
  // Holiday road trips: the return operation, holidays and traffic are the sense of "desplazamientos".
  [
    'Operación retorno de Semana Santa. Tráfico registró 4,2 millones de desplazamientos en el último día de vacaciones.',
    'es',
    [],
  ],
  ['Between 2019 and 2021, 2.4 million workers were displaced from jobs they had held for years.', 'en', []],
  // A people noun, then a bracket or a host word, then sites: the figure counts the sites; and
  // households "(HH) in need of shelter" are a need, for the rules and the learned second chance.
  [
    'So far, the agency has assessed 23 internally displaced persons (IDPs) hosting sites, where over 3,500 households (HH) are in need of shelter and water.',
    'en',
    [],
  ],
  [
    'As of May, there were 112 internally displaced people (IDP) sites in the state, with a total of 64,200 IDPs.',
    'en',
    ['displaced 64200'],
  ],
  ['About 3,000 displaced people (IDPs) camp in the open near the town.', 'en', ['displaced 3000']],
  // A list's entries name a different place each: two entries with one figure are two counts.
  [
    'El municipio habilitó albergues temporales en:\n  • La Placita, con 40 personas.\n  • Paso de Noria, con 27 familias.\n  • Huahua, con 40 familias.\n  • Huilala, con 40 familias.',
    'es',
    ['sheltered 40', 'sheltered 27', 'sheltered 40', 'sheltered 40'],
  ],
  [
    "Between 3 and 9 March, the highest numbers of displacements were recorded in:\nAl Bayda (61 HH) – Rada'a (40 HH), Az Zahir (21 HH) districts.\nShabwah (33 HH) – Ataq (33 HH) districts.",
    'en',
    ['displaced 61', 'displaced 40', 'displaced 21', 'displaced 33', 'displaced 33'],
  ],
  // An entry that repeats a sentence's figure is that sentence's claim.
  [
    'Clashes displaced 412 households in Koro last week, mostly in the following villages.\nKoro town (412 HH)\nDinangourou (96 HH)',
    'en',
    ['displaced 412', 'displaced 96'],
  ],
  // Lines of names and counts of things under a header are no list of people.
  [
    'About 4,000 people were displaced by the floods. Damage was assessed in:\nNorth Town (32 schools), East Town (11 clinics)\nLake Town: 7 bridges',
    'en',
    ['displaced 4000'],
  ],
  // "the following" that announces prose, not a list of counts.
  [
    'The situation in the camps is described in the following paragraphs.\nMina (300 HH) received water. The floods displaced 2,000 people in Sennar.',
    'en',
    ['displaced 2000'],
  ],
  ['La tormenta ha cobrado la vida de al menos 11 personas y obligado a evacuar a 4.300 vecinos.', 'es', ['evacuated 4300']],
  ['Plus de 640 000 personnes ont été déplacées, dont 210 000 femmes et filles et 150 000 enfants.', 'fr', ['displaced 640000']],
  ['Of the 5,120 evacuees registered, 1,340 were sheltering in their own homes despite the damage.', 'en', ['evacuated 5120']],
  ['The earthquake damaged 36 office buildings and 210 homes in the district.', 'en', ['partially_destroyed_housing 210']],
  ['Most of the 60,000 people displaced by the floods are living in camps near the river.', 'en', ['displaced 60000']],
  // A joiner adds less than the place it fills: a range in words, not their sum.
  ['Les combats ont déplacé entre trente et cinquante mille personnes depuis mars.', 'fr', ['displaced 30000']],
  // Not the return of the ship that evacuated them.
  ['The navy ship, which on Sunday evacuated 860 people from the island, has returned to port.', 'en', ['evacuated 860']],
  // Homes that lost power are no homes lost, nor evacuated with the people before them.
  ['About 1,700 people are still evacuated, and more than 52,000 homes experienced power outages.', 'en', ['evacuated 1700']],
  // The injured are no subject of the next clause's verb, which has an object of its own.
  ['El terremoto causó 12.000 heridos y dejó sin hogar a otras 40.000 personas.', 'es', ['homeless 40000']],
  // Cars, not homes.
  ['El derrumbe arrojó tres automóviles contra las viviendas de la planta baja.', 'es', []],
  // A percentage of a whole tells where the part stays, not the whole.
  ['About 6% of the 1.9 million IDPs are in camps, the rest in rented housing.', 'en', ['displaced 1900000']],
  // Shelter given is aid, not a stay.
  ['Some 12,400 of them were provided with emergency shelter kits last month.', 'en', []],
  // A PDF's line-end hyphen flattened to a space: the injured carried to hospital are not evacuees.
  ['Local responders evacuated 30 in- jured people and 4 bodies from the town to the hospital.', 'en', []],
  // Number words inside a place's name.
  ['Unas 180 personas fueron evacuadas en Tres Cantos por el incendio.', 'es', ['evacuated 180']],
  ['Some 240 residents were evacuated near Seven Sisters on Friday.', 'en', ['evacuated 240']],
  // A count of camps is no count of people; people in camps are.
  ['The number of flood relief camps was increased from 84 to 88 as the water rose.', 'en', []],
  ['Le nombre de camps de déplacés est passé à 20 en un mois.', 'fr', []],
  ['The number of people in relief camps has risen to 5,000.', 'en', ['in_relief_camp 5000']],
  // People in camps who returned: the return is the news.
  ['More than 60,000 Sudanese in border camps returned to their villages last month.', 'en', ['returns 60000']],
  // Asylum statistics count applications; refugees named with asylum seekers are refugees.
  ['Germany registered 74,500 first-time asylum seekers in the quarter. It was followed by France (31,200).', 'en', []],
  ['Most applications came from Syrians (12,300 first-time applicants), followed by Afghans (6,100).', 'en', []],
  ['Unos 12.000 solicitantes de asilo esperan una respuesta en la capital.', 'es', []],
  ["Le pays accueille 39 000 réfugiés et demandeurs d'asile.", 'fr', ['refugees 39000']],
  // A part with a predicate of its own is not the total's part.
  ['The floods displaced 5,000 people on Monday, 30 in Kabul died.', 'en', ['displaced 5000']],
  ['Some 3,000 people were evacuated from the district, of whom 300 were injured.', 'en', ['evacuated 3000']],
  // Figures mapped one to one on coordinated terms.
  ['Close to 219,000 and 107,000 people are affected and displaced respectively by the floods.', 'en', ['displaced 107000']],
  ['The death toll reached 90 and 4,000 more people were displaced.', 'en', ['displaced 4000']],
  // A school's pupils are no evacuees it hosts; "#2" numbers a report.
  ['Les deux lycées – qui accueillent respectivement 600 et près de 900 élèves – ont été évacués.', 'fr', []],
  ['Ethiopia: Conflict Displacement Situation Report #2 8 February 2018', 'en', []],
  // Cases of a disease in a camp are no refugees.
  ['La situation est préoccupante dans le camp de réfugiés de Minawao, où 86 cas et 3 décès ont été signalés.', 'fr', []],
  // Homes lost in the present tense, without a possessive, or a single home each.
  ['About 300,000 people lose homes and food supplies to the floods.', 'en', ['homeless 300000']],
  ['Se confirmó que 250.000 mexicanos perdieron su vivienda.', 'es', ['homeless 250000']],
  // "No." is the number sign, not a negation.
  ['No. of homeless people          2.1 million', 'en', ['homeless 2100000']],
  // Shelters counted are no people sheltered.
  ['Most of the nearly 900 government-run collective shelters in the country have reached capacity.', 'en', []],
  // Who camps: families who lost their homes, not festival-goers.
  ['About 640 households are camping at the market after the river burst its banks.', 'en', ['sheltered 640']],
  ['About 5,000 fans are camping at the festival site this weekend.', 'en', []],
  // Shelter given is aid, however the figure is restated.
  ['Les partenaires ont assisté 9 400 personnes soit 1 350 ménages en abris depuis janvier.', 'fr', []],
  ["Au cours du mois, 2 100 ménages ont été assistés en abris d'urgence.", 'fr', []],
  // A figure per classroom or tent says how crowded a shelter is, not how many it holds.
  ['The schools used as shelters are packed, with as many as 60 people per classroom.', 'en', []],
  ["Dans le site de Kalemie, on compte jusqu'à 12 personnes par tente.", 'fr', []],
  ['En el albergue duermen hasta 9 personas por carpa.', 'es', []],
  // Aid that reached people is no count of them; a count that reached a level is.
  ['Food parcels reached 4,300 displaced people in the camps last month.', 'en', []],
  ['The total reached 4,300 displaced people by the end of the month.', 'en', ['displaced 4300']],
  // "el 27-F" names a day, as "el 11-M" does.
  ['Los damnificados del terremoto recordaron el 27-F con una marcha hasta la plaza.', 'es', []],
  // A relative clause whose verb is no displacement says what its figure is.
  ['Hay 2.140 familias desplazadas y otras 260 familias que permanecen confinadas en sus veredas.', 'es', ['displaced 2140']],
  // A list of groups, each with its own noun: the residents are no returnees.
  ['The survey counted 41,200 IDPs, 8,900 returnees and 260,000 residents in the district.', 'en', ['displaced 41200', 'returns 8900']],
  ['The survey counted 41,200 IDPs in Baidoa and 8,900 people in Afgooye.', 'en', ['displaced 41200', 'displaced 8900']],
  // A group named after "including" is part of the people counted, not what they are.
  ['More than 48,000 people, including IDPs, have been affected by the floods in the region.', 'en', []],
  ['Quelque 31 000 personnes, y compris des déplacés internes, ont été touchées par les pluies.', 'fr', []],
  ['Más de 12.000 personas, incluidos desplazados, resultaron afectadas por las lluvias.', 'es', []],
  ['Some 5,200 residents, including many IDPs, were evacuated to higher ground.', 'en', ['evacuated 5200']],
  // Preparing for an influx is planning for it: the figure has not arrived.
  ['Aid agencies are preparing for an influx of as many as 200,000 refugees into the country.', 'en', []],
  ['The province is bracing for the arrival of 15,000 evacuees from the coast.', 'en', []],
  ["Le Tchad se prépare à l'arrivée de quelque 40 000 réfugiés.", 'fr', []],
  // Sites counted after a verb of moving are no people; a part's site is not its whole's.
  ['Over 6,400 villagers were relocated to 14 informal IDP sites near the district capital.', 'en', ['relocated 6400', 'in_relief_camp 6400']],
  ['Some 52,000 people have been displaced, including 8,100 in 23 spontaneous sites.', 'en', ['displaced 52000', 'in_relief_camp 8100']],
  // A figure whose own predicate is a blocker is what the blocker says, whatever comes before.
  ['Over 700 households were moved to temporary shelters, while at least 5,000 households have been affected.', 'en', ['evacuated 700', 'sheltered 700']],
  // A change's amount is no count, nor one end of a range with the level it led to.
  ['The number of displaced people rose by 2,000 to 15,000 in a week.', 'en', ['displaced 15000']],
  // Another figure's camps are not the total's.
  ['The floods have displaced 1.2 million people, with 400,000 in camps.', 'en', ['displaced 1200000', 'in_relief_camp 400000']],
  // Confinement is no displacement, as a noun as well as a participle.
  ['Los combates han provocado el desplazamiento de unas 2.600 personas y el confinamiento de 340 familias.', 'es', ['displaced 2600']],
  ["Les combats ont provoqué le déplacement de 2 600 personnes et le confinement de 340 familles.", 'fr', ['displaced 2600']],
  // The peak a count fell from is the same count at an earlier level.
  ['Some 2,900 residents were still in evacuation centres on Friday, down from a peak of 12,600.', 'en', ['sheltered 2900', 'sheltered 12600']],
  // Of two names for people side by side, the head noun says what they are.
  ['The agency counted 18,750 newly arrived refugees in Adré during the week.', 'en', ['refugees 18750']],
  ['Around 600 newly arrived returnees were counted at the Torkham crossing.', 'en', ['returns 600']],
  // A count in brackets after a share is the subject its modifier describes.
  ['Nearly 35 per cent (6,210 people) of the affected population were evacuated before the storm.', 'en', ['evacuated 6210']],
  // "milles" is "mille" misspelt before people, and miles elsewhere.
  ['La tempête est passée à 40 milles des côtes ; 120 habitants ont été évacués.', 'fr', ['evacuated 120']],
  // Sums raised for the victims are money, whatever the currency left unsaid.
  ['Quelque 2 millions récoltés pour les sinistrés du cyclone.', 'fr', []],
  ['Unos 5 millones recaudados para los damnificados de las lluvias.', 'es', []],
  // Counts of sites, past a modifier of aid, a bracketed share or a footnote marker, count no people.
  ['About 3,900 people have taken shelter in 22 relief camps and 14 relief distribution points have been set up.', 'en', ['sheltered 3900']],
  ['Some 118 (41%) displacement sites had no functioning latrines.', 'en', []],
  ['In Leyte and Samar,3 only 12 of 150 (8%) evacuation centres are still usable.', 'en', []],
  // Only people or families own the homes named after "with".
  ['Rescue teams reached 12 villages with destroyed homes.', 'en', []],
  // Bare counts of sites, each followed by the people it hosts in brackets.
  ['Twenty sites are open: 9 in Dondo (hosting 3,120 people), 6 in Beira (hosting 2,045 people) and 5 in Buzi (hosting 1,400 people).', 'en', ['sheltered 3120', 'sheltered 2045', 'sheltered 1400']],
  // "host families" after a preposition is a noun, not camps hosting the families.
  ['In Kirundo, 4,120 IDPs were living in camps, 18,300 IDPs were living with host families and 2,900 IDPs were renting homes.', 'en', ['displaced 4120', 'in_relief_camp 4120', 'displaced 18300', 'sheltered 18300', 'displaced 2900']],
  // A need for shelter is no stay in one.
  ['About 12,000 households have urgent shelter needs after the cyclone.', 'en', []],
  // A named building's own occupants, or a name without a building, shelter nowhere.
  ['Some 300 students are staying at Lincoln High School for the exam week.', 'en', []],
  ['Some 60 pilgrims stayed at Sacred Heart church overnight.', 'en', []],
  ['He has been living in New Delhi for years with his 3 children.', 'en', []],
  // A count of zero is nobody moved; a zero cell never joins the number after it.
  ['Evacuees 0 6,838', 'en', ['evacuated 6838']],
  // Refugees of a nationality, or in refugee camps, crossed a border even where a flood struck them.
  ['Unos 128.000 refugiados sudaneses viven en Ouaddaï, donde las inundaciones destruyeron sus refugios.', 'es', ['refugees 128000']],
  // A parallel figure with a noun of its own counts that, not the first figure's people.
  ['The first convoy of 78 refugees arrived on Tuesday and the second convoy of 130 soldiers left on Thursday.', 'en', ['refugees 78']],
  // Refugees, the noun, in camps stay refugees, and only refugees (refugeeStays.ts): only people who
  // took refuge ("réfugiées dans") are in camps.
  ['Le Kenya accueille plus de 200 000 réfugiés dans les camps de Dadaab.', 'fr', ['refugees 200000']],
  // The dead, counted by their bodies or a death toll, are no displaced people.
  ['Police said the bodies of another nine refugees have washed up, taking the confirmed death toll to 23.', 'en', []],
  ['Los rescatistas recuperaron los cuerpos de 12 refugiados frente a la costa.', 'es', []],
  ['On a appris la mort de 10 déplacés dans une attaque contre le camp.', 'fr', []],
  // Homes only flooded are counted by no one; flooded and damaged ones are.
  ['In total, 12,307 houses have been flooded and 1,985 people evacuated.', 'en', ['evacuated 1985']],
  ['Según el reporte, 781 viviendas resultaron anegadas y 50 destruidas.', 'es', ['destroyed_housing 50']],
  ['Some 120 homes were flooded and damaged in the valley.', 'en', ['partially_destroyed_housing 120']],
  // A planned repatriation is no return yet.
  ['Nous préparons le rapatriement de 1 200 réfugiés tchadiens vers leur pays.', 'fr', []],
];

for (const [sentence, lang, expected] of EXACT) {
  test(`reads exactly ${expected.join(', ')}: ${sentence}`, () => {
    const got = extract({ text: sentence, published: '2024-05-10', lang }).facts.filter((f) => f.figure !== null);
    assert.deepEqual(got.map((f) => `${f.term} ${f.figure}`).sort(), [...expected].sort());
  });
}

for (const [sentence, expected] of POSITIVE) {
  test(`reads: ${sentence}`, () => {
    const got = facts(sentence);
    assertFacts(got, expected);
  });
}

for (const [sentence, why] of NEGATIVE) {
  test(`rejects (${why}): ${sentence}`, () => {
    const got = facts(sentence).filter((f) => f.figure !== null);
    assert.deepEqual(
      got.map((f) => [f.term, f.figure]),
      [],
    );
  });
}

test('the Mosul sentence carries its evidence offsets', () => {
  const text =
    'Aid agencies are stretched. Up to 190,000 people have been displaced by the fighting in Mosul.';
  const [f] = extract({ text, published: null, lang: 'en' }).facts;
  assert.ok(f);
  assert.equal(text.slice(f.quantity_span[0], f.quantity_span[1]), '190,000');
  assert.equal(
    text.slice(f.span[0], f.span[1]),
    'Up to 190,000 people have been displaced by the fighting in Mosul.',
  );
  assert.equal(text.slice(f.term_span[0], f.term_span[1]), 'displaced');
  assert.match(f.reason, /^displaced:/);
  assert.ok(f.confidence > 0.5 && f.confidence <= 1);
});

test('dates resolve against the publication date', () => {
  const [f] = facts('On 3 March, 2,000 people were evacuated from the valley.', '2024-03-10');
  assert.equal(f?.date?.start, '2024-03-03');
  assert.equal(f?.date?.year_stated, false);
});

test('document-level classification comes with the facts', () => {
  const r = extract({
    text: 'Floods displaced 20,000 people in the delta on Monday.',
    published: '2024-01-02',
    lang: 'en',
  });
  assert.equal(r.relevant, true);
  assert.equal(r.cause, 'disaster');
  assert.equal(r.facts[0]?.hazard, 'flood');
});

test('a drill, a building alert or another sense of the words counts no displacement and is not relevant', () => {
  const texts: [string, string][] = [
    [
      'Bomb threats empty three courthouses\n\nStaff and visitors were evacuated from courthouses in three counties on Tuesday after emailed bomb threats. Police searched the buildings and found nothing; people were allowed back by the afternoon.',
      'en',
    ],
    [
      'Citywide earthquake drill held\n\nSchools, offices and hospitals evacuated their buildings at 10 a.m. as part of the drill, and residents practised leaving their homes for the assembly points.',
      'en',
    ],
    [
      "Le club enchaîne les déplacements\n\nAprès la victoire en championnat, l'entraîneur prépare déjà le match de Ligue des champions : les joueurs enchaînent trois déplacements en huit jours.",
      'fr',
    ],
  ];
  for (const [text, lang] of texts) {
    const r = extract({ text, published: '2024-01-02', lang });
    assert.equal(r.facts.length, 0, text);
    assert.equal(r.relevant, false, text);
  }
});

test('empty and figure-less texts give no facts and do not throw', () => {
  assert.deepEqual(extract({ text: '' }).facts, []);
  assert.deepEqual(extract({ text: 'The weather was pleasant and the markets were open.' }).facts, []);
  assert.deepEqual(extract({ text: '\u0000\u0001 ÿþ binary-ish \ufffd\ufffd 123' }).facts, []);
});

test('plain-text tables give each column term to the figures below it', () => {
  const text =
    'Province | Displaced HH | Displaced persons | Houses destroyed\nNorth | 1,230 | 6,150 | 410\nSouth | 870 | 4,350 | n/a\n';
  const got = extract({ text, published: '2024-02-01', lang: 'en' }, { geoparse: false }).facts.map((f) => [
    f.figure,
    f.term,
    f.unit,
    text.slice(f.quantity_span[0], f.quantity_span[1]),
  ]);
  assert.deepEqual(got, [
    [1230, 'displaced', 'households', '1,230'],
    [6150, 'displaced', 'people', '6,150'],
    [410, 'destroyed_housing', 'households', '410'],
    [870, 'displaced', 'households', '870'],
    [4350, 'displaced', 'people', '4,350'],
  ]);
});

// Short, context-poor texts (the one- or two-sentence excerpts displacement facts come from),
// against the real gazetteer: look-alikes that must not become places, and district- or
// province-level names that must.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { geoparse, loadGazetteer, normalizeName } from './index.js';
import { spellingVariant } from './rules/alternateName.js';

const places = (text: string) => geoparse(text).places;

// Text → a word that must not be taken for a place there (each has gazetteer candidates).
const NOT_PLACES: [string, string][] = [
  // Acronyms and organisations.
  ['The UN, with local partners, sheltered 300 families.', 'UN'],
  ['According to Xinhua, 2,000 villagers moved to higher ground.', 'Xinhua'],
  ['The Sudanese Observatory for Human Rights counted 40 burned homes.', 'Human'],
  ['Fars News Agency reported that 120 tents were set up.', 'Fars'],
  // A relief body's name before the noun it qualifies ("Red Cross" is also a town in the US).
  ['More than 370 people spent Monday night in Red Cross shelters in Arkansas.', 'Red Cross'],
  // An accented stop word meets its accent-folded token ("Protección" is also a town in Honduras).
  ['Protección Civil evacuó a 300 familias en Chiapas.', 'Protección'],
  // A ministry's field in capitals ("La Salud" is also a town in Cuba).
  ['Los ministerios de Obras Públicas y Salud Pública enviaron brigadas a 40 albergues.', 'Salud'],
  // A feast day ("Noël" is a town in Missouri; "Mt" a first-level area of Malta).
  ['Plus de 16 000 personnes ont passé la nuit du réveillon de Noël dans des écoles.', 'Noël'],
  ['The Mt. Merapi eruption displaced 136,000 people.', 'Mt'],
  // …even where the text points to the place whose other name it is (Uman, Ukraine).
  [
    'Officials in Kyiv and Odesa said on Tuesday that a report from Human Rights Watch was being read.',
    'Human',
  ],
  // A person's name after a role word.
  ['Rebel spokesman Ahmed Bali told reporters 90 families had fled.', 'Bali'],
  ['Army commander Musa Kassala said the road was reopened.', 'Kassala'],
  // A person's name that a small province also bears, with nothing pointing to that province.
  ['Nelson said 40 families were moved to the school.', 'Nelson'],
  // A common word that is also a province.
  ['Antique furniture was carried out of the flooded museum.', 'Antique'],
  // Storm names.
  ['Typhoon Haiyan destroyed 3,000 shelters.', 'Haiyan'],
  ['After Hurricane Sandy, 500 residents stayed in schools.', 'Sandy'],
  ['Cyclone Mocha damaged coastal camps.', 'Mocha'],
  // Hyphenated prefixes and compounds.
  ['Pre-Monsoon showers flooded 200 homes.', 'Pre'],
  ['Post-Flood surveys counted 90 empty houses.', 'Post'],
  // A small place after "in" that is also a person's name elsewhere in the text.
  ['The nurse put a blanket into Lucy\u2019s cot; Lucy said she was cold.', 'Lucy'],
  // Religious and sectarian adjectives.
  ['Fighting near two Sunni villages displaced 90 families.', 'Sunni'],
  // Half of a word broken by a character that failed to decode.
  ['In Bah\uFFFDa, 70 homes were destroyed.', 'Bah'],
  // The first word of a longer name the gazetteer lacks, with nothing else pointing to it.
  ['Floods cut off Porto Quembo, where 800 people fled.', 'Porto'],
  ['Landslides buried houses in Karbi Tenglong last night.', 'Karbi'],
];

for (const [text, word] of NOT_PLACES) {
  test(`short text: "${word}" is no place in: ${text}`, () => {
    assert.ok(loadGazetteer().lookup(normalizeName(word)).length > 0, `"${word}" has no candidate`);
    const r = geoparse(text);
    assert.equal(r.places.filter((p) => p.name === word).length, 0, JSON.stringify(r.places));
  });
}

// Text → the places expected, as "span text=ISO3/kind".
const PLACES: [string, string[]][] = [
  ['Floods displaced 400 people in Dhubri district.', ['Dhubri district=IND/admin2']],
  ['Storm damage was reported in Nagaon, according to state officials.', ['Nagaon=IND/admin2']],
  [
    'Officials in Gujarat\u2019s Kutch district moved 2,000 people.',
    ['Gujarat=IND/admin1', 'Kutch district=IND/admin2'],
  ],
  ['Gujarat\uFFFDs Kutch district moved 2,000 people.', ['Gujarat=IND/admin1', 'Kutch district=IND/admin2']],
  [
    'Heavy rain hit Hainan, Guangdong, Guangxi and Yunnan provinces.',
    ['Hainan=CHN/admin1', 'Guangdong=CHN/admin1', 'Guangxi=CHN/admin1', 'Yunnan=CHN/admin1'],
  ],
  ['Thousands Flee As Floods Hit Assam', ['Assam=IND/admin1']],
  ['The Angola news agency said 800 families left Luanda.', ['Angola=AGO/country', 'Luanda=AGO/city']],
  [
    'Police in Paris, Texas, said the Paris Walmart was closed.',
    ['Paris=USA/city', 'Texas=USA/admin1', 'Paris=USA/city'],
  ],
  ['Landslides buried houses in Karbi Anglong last night.', ['Karbi Anglong=IND/admin2']],
  // "<area word> of" lists: the areas, not their capitals.
  [
    'Water rose in the provinces of Chaco and Corrientes overnight.',
    ['Chaco=ARG/admin1', 'Corrientes=ARG/admin1'],
  ],
  ['Shelters opened in the city of Corrientes.', ['Corrientes=ARG/city']],
  ['Families left villages in the district of Dhubri.', ['Dhubri=IND/admin2']],
  // An area named after its seat town, where no area of that name exists in the town's country.
  [
    'Clashes emptied villages in Beni territory, North Kivu.',
    ['Beni territory=COD/city', 'North Kivu=COD/admin1'],
  ],
  ['Floods hit Washington state overnight.', ['Washington state=USA/admin1']],
  // A first-level area under a spelling the subdivision database lacks.
  ['Attacks in Lower Shabelle forced 6,000 people to move.', ['Lower Shabelle=SOM/admin1']],
  // French spells Tigray "Tigré", as Argentina's Tigre is spelled without its accent.
  ['Les combats au Tigré ont déplacé 20 000 personnes.', ['Tigré=ETH/admin1']],
  // Philippine provinces (GeoNames' first level there is the region).
  [
    'Storm surges forced 12,000 people out of homes in Catanduanes and Albay.',
    ['Catanduanes=PHL/admin2', 'Albay=PHL/admin2'],
  ],
  ['Relief goods reached Antique province by boat.', ['Antique province=PHL/admin2']],
  // A country's short name.
  ['Floods cut off villages across Bosnia.', ['Bosnia=BIH/country']],
  // A name spelled with one vowel changed, after "in": the place of the usual spelling.
  ['Relief reached 400 families in Netrokona last week.', ['Netrokona=BGD/city']],
  // An area the gazetteer knows only with its word ("Masisi Territory"), named bare after "in":
  // the area, not a name one vowel away in another country (Masasi, Tanzania).
  ['Some 9,000 people fleeing clashes in Masisi reached Goma.', ['Masisi=COD/admin2', 'Goma=COD/city']],
  // A sub-district (tehsil, revenue circle) after "in".
  ['Twenty families moved to a school in Thanguri after the storm.', ['Thanguri=IND/city']],
  // Another spelling of a town's own name, after "in": the town.
  ['Floods displaced 300 families in Gaarisa on Monday.', ['Gaarisa=KEN/city']],
  // A settlement word after a province is a town in it, not part of its name.
  ['The mayor of an Alberta town said 900 residents left.', ['Alberta=CAN/admin1']],
  // Hyphenated names joined by a lower-case particle of any language (au, de los, upon, van).
  ['Près de 100 000 personnes ont fui Port-au-Prince en un mois.', ['Port-au-Prince=HTI/city']],
  ['Las lluvias dejaron 300 damnificados en San Juan de los Morros.', ['San Juan de los Morros=VEN/city']],
  // A Spanish or French kind-of-place word before "de"/"du": a town ("municipio", "commune") or an
  // area ("departamento", "province").
  ['80 personas fueron evacuadas en el municipio de Santa Catarina.', ['Santa Catarina=MEX/city']],
  ['Las lluvias afectaron a 300 familias en el departamento de Santa Cruz.', ['Santa Cruz=BOL/admin1']],
  [
    'En Haïti, les pluies ont touché 2 000 familles dans le département du Sud, près des Cayes.',
    ['Haïti=HTI/country', 'Sud=HTI/admin1', 'Cayes=HTI/city'],
  ],
  // French country names go on in lower case: the whole name, not its first word.
  ['Près de 2 000 personnes se sont réfugiées en République centrafricaine.', ['République centrafricaine=CAF/country']],
  ['Les pluies ont détruit 300 maisons en Guinée équatoriale.', ['Guinée équatoriale=GNQ/country']],
  ['Plus de 5 000 personnes ont fui vers la République démocratique du Congo.', ['République démocratique du Congo=COD/country']],
  // "CITY OF X" in a dateline is one of the places X names; the context chooses which.
  [
    'CITY OF SAN FERNANDO — Some 1,900 families in Central Luzon are still in evacuation centres.',
    ['CITY OF SAN FERNANDO=PHL/city', 'Central Luzon=PHL/admin1'],
  ],
  // Spanish and French short names of countries that the country-name package lacks or gives
  // only in their long form ("República Árabe Siria"), and their abbreviations.
  ['Unas 5.000 personas huyeron de Siria hacia el Líbano.', ['Siria=SYR/country', 'Líbano=LBN/country']],
  ['Miles de rohinyás huyeron de Birmania.', ['Birmania=MMR/country']],
  ['Plus de 3 000 réfugiés sont arrivés de Birmanie.', ['Birmanie=MMR/country']],
  ['Los combates en el este de la RDC desplazaron a 7.000 personas.', ['RDC=COD/country']],
  ['Les violences en Centrafrique ont chassé 2 000 familles.', ['Centrafrique=CAF/country']],
  ['El ciclón dejó 8.000 evacuados en Fiyi.', ['Fiyi=FJI/country']],
  ['Unos 300 migrantes fueron deportados desde EE.UU. el lunes.', ['EE.UU.=USA/country']],
  // A territory named with a lower-case head ("la bande de Gaza", "la franja de Gaza"): the
  // whole name, not the province of Mozambique the last word alone names.
  ['Quelque 5 000 personnes ont été déplacées dans la bande de Gaza.', ['Gaza=PSE/region']],
  ['Unas 5.000 personas fueron desplazadas en la franja de Gaza y en Cisjordania.', ['Gaza=PSE/region', 'Cisjordania=PSE/region']],
  // …but a town word's whole name is not looked up: "la ciudad de La Paz" is La Paz.
  ['Unos 2.000 mineros se dirigieron a pie hacia la ciudad de La Paz.', ['La Paz=BOL/city']],
  // An island the town list lacks, against a town of the same name elsewhere.
  ['El volcán entró en erupción en La Palma y obligó a desalojar a 6.000 personas.', ['La Palma=ESP/region']],
  // …but a capitalised name followed by ordinary lower-case words stays itself.
  ['En Guinée orientale, 300 maisons ont été détruites.', ['Guinée=GIN/country']],
];

for (const [text, expected] of PLACES) {
  test(`short text: finds ${expected.join(', ')} in: ${text}`, () => {
    assert.deepEqual(
      places(text).map((p) => `${p.name}=${p.country}/${p.kind}`),
      expected,
    );
  });
}

test('spelling variants: a few edits of the same name, not translations or other names', () => {
  assert.equal(spellingVariant('dhubri', 'dhuburi'), true);
  assert.equal(spellingVariant('sibsagar', 'sivasagar'), true);
  assert.equal(spellingVariant('human', 'uman'), false);
  assert.equal(spellingVariant('frankfurt', 'frankfurt am main'), false);
  assert.equal(spellingVariant('gaarisa', 'garissa'), true);
  assert.equal(spellingVariant('abcdef', 'abcxyz'), false);
});

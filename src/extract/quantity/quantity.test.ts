// Quantity parsers: digits with every separator in every language, words, scales, fractions,
// ranges, qualifiers, and the numbers that are not figures. Positive and negative rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentDecimalMark, readDigits, type DigitContext } from './digits.js';
import { findQuantities } from './find.js';
import { nonFigureReason } from './nonFigure.js';
import { loadLexicon } from '../lexicon.js';
import { tokenize } from '../segment/tokens.js';

test('digits with separators', () => {
  const en: DigitContext = { decimalMark: '.' };
  const es: DigitContext = { decimalMark: ',' };
  const rows: [string, DigitContext, number | null][] = [
    ['190,000', en, 190000],
    ['190.000', en, 190000], // nobody writes 190.000 for 190
    ['190.000', es, 190000],
    ['2.350.112', en, 2350112],
    ['2,350,112', es, 2350112],
    ['3,57,243', en, 357243],
    ['23,50,112', en, 2350112],
    ['14 000', en, 14000],
    ['2 350 112', es, 2350112],
    ['2\u2009350\u2009112', en, 2350112],
    ['2\u202f350\u202f112', es, 2350112],
    ['2\u00a0350\u00a0112', es, 2350112],
    ["2'350'112", en, 2350112],
    ['2’350’112', es, 2350112],
    ['1,234.5', en, 1234.5],
    ['1.234,5', es, 1234.5],
    ['1057', en, 1057],
    ['2.5', en, 2.5],
    ['1,5', es, 1.5],
    // "1.250": English decimal, Spanish and French thousands; a count after it settles English.
    ['1.250', en, 1.25],
    // A footnote's number glued to the last group by PDF extraction; not a day glued to its year.
    ['274,5481', en, 274548],
    ['40,0002', en, 40000],
    ['18,2002', en, null],
    ['28,5000', en, null],
    ['1.250', es, 1250],
    ['1.250', { ...en, counted: true }, 1250],
    ['1,250', en, 1250],
    ['1,250', es, 1250],
    // Before a scale word the language's decimal mark is a decimal, its grouping mark is not.
    ['1.250', { ...en, followedByScale: true }, 1.25],
    ['2,350', { ...es, followedByScale: true }, 2.35],
    ['1.200', { ...es, followedByScale: true }, 1200],
    ['1,200', { ...en, followedByScale: true }, 1200],
    ['12,34,5', en, null],
    // A last group of four digits is a group and a footnote's number (see below), not a malformed number.
    ['1,2345', en, 1234],
    ['1,2340', en, null],
  ];
  for (const [raw, ctx, value] of rows)
    assert.equal(readDigits(raw, ctx)?.value ?? null, value, `${raw} ${JSON.stringify(ctx)}`);
});

const read = (text: string, lang = 'en') => {
  const lex = loadLexicon(lang);
  const tokens = tokenize(text);
  return findQuantities(text, tokens, lex).map((q) => ({
    value: q.value,
    qualifier: q.qualifier,
    range: q.range ?? null,
    vague: q.vague ?? null,
    span: text.slice(q.start, q.end),
    nonFigure: nonFigureReason(text, tokens, q, lex),
  }));
};

test('a document groups thousands by its own marks', () => {
  const rows: [string, '.' | ',', '.' | ','][] = [
    ['1.593.808 citizens were given shelter; in containers, 34.120.', '.', ','],
    ['The figure rose from 1.5 million to 2.350.112 by March.', '.', ','],
    ['2,350,112 people; 1.593.808 elsewhere', '.', '.'], // both kinds: the language decides
    ['Some 34.120 people and 1.5 million more', '.', '.'], // no unambiguous group
    ['on 12.03.2024, 1.250 people', '.', '.'], // a date is no grouping
    ['1.593.808 personas', ',', ','],
    ['1,593,808 personas', ',', ','], // only English texts are read the other way
  ];
  for (const [text, language, expected] of rows)
    assert.equal(documentDecimalMark(text, language), expected, text);
});

test('quantities in words, scales, ranges and qualifiers', () => {
  const rows: [string, string, Partial<ReturnType<typeof read>[number]>][] = [
    ['nine hundred and twenty-one people', 'en', { value: 921 }],
    ['two million people', 'en', { value: 2000000, span: 'two million' }],
    ['half a million people', 'en', { value: 500000 }],
    ['one and a half million people', 'en', { value: 1500000 }],
    ['a million and a half people', 'en', { value: 1500000 }],
    ['a quarter of a million people', 'en', { value: 250000, span: 'a quarter of a million' }],
    ['three quarters of a million people', 'en', { value: 750000 }],
    ['1.2 million people', 'en', { value: 1200000, span: '1.2 million' }],
    ['2.5m people', 'en', { value: 2500000 }],
    ['10k people', 'en', { value: 10000 }],
    ['1.2 lakh people', 'en', { value: 120000 }],
    ['3 crore people', 'en', { value: 30000000 }],
    ['a little over 11-hundred homes', 'en', { value: 1100 }],
    ['some 20-thousand residents', 'en', { value: 20000 }],
    ['a dozen families', 'en', { value: 12 }],
    ['two dozen families', 'en', { value: 24 }],
    ['2.350.112 people', 'en', { value: 2350112, span: '2.350.112' }],
    ['2 350 112 people', 'en', { value: 2350112, span: '2 350 112' }],
    ["2'350'112 people", 'en', { value: 2350112, span: "2'350'112" }],
    ['23,50,112 people', 'en', { value: 2350112 }],
    ['2.500 people', 'en', { value: 2500 }],
    ['up to 5,000 people', 'en', { value: 5000, qualifier: 'up_to' }],
    ['at least 300 homes', 'en', { value: 300, qualifier: 'at_least' }],
    ['more than 40 families', 'en', { value: 40, qualifier: 'more_than' }],
    ['nearly 700 residents', 'en', { value: 700, qualifier: 'approximately' }],
    ['fewer than 90 people', 'en', { value: 90, qualifier: 'less_than' }],
    ['2,000+ people', 'en', { value: 2000, qualifier: 'more_than' }],
    ['300 odd families', 'en', { value: 300, qualifier: 'approximately' }],
    ['between 3,000 and 5,000 people', 'en', { value: 3000, range: [3000, 5000], qualifier: 'at_least' }],
    ['4 to 5 million people', 'en', { value: 4000000, range: [4000000, 5000000] }],
    // A unit after "and" that takes a scale as large as the one before is the range's other end.
    ['entre tres mil y cinco mil personas', 'es', { value: 3000, range: [3000, 5000] }],
    ['between two million and three million people', 'en', { value: 2000000, range: [2000000, 3000000] }],
    ['two thousand and five people', 'en', { value: 2005 }],
    ['tens of thousands of people', 'en', { value: null, vague: 'tens of thousands' }],
    ['dos mil personas', 'es', { value: 2000 }],
    ['2 mil personas', 'es', { value: 2000, span: '2 mil' }],
    ['mil personas', 'es', { value: 1000 }],
    ['1,5 millón de personas', 'es', { value: 1500000, span: '1,5 millón' }],
    ['1,2 millones de personas', 'es', { value: 1200000 }],
    ['1.250 personas', 'es', { value: 1250 }],
    ['doscientos mil personas', 'es', { value: 200000 }],
    ['mil quinientas familias', 'es', { value: 1500 }],
    ['treinta y un mil personas', 'es', { value: 31000 }],
    ['un millón y medio de personas', 'es', { value: 1500000 }],
    ['un centenar de casas', 'es', { value: 100 }],
    ['16 mil 591 personas', 'es', { value: 16591, span: '16 mil 591' }],
    ['1 millón 200 mil personas', 'es', { value: 1200000, span: '1 millón 200 mil' }],
    ['12 000 personnes', 'fr', { value: 12000, span: '12 000' }],
    ['12\u202f000 personnes', 'fr', { value: 12000 }],
    ['1,2 million de personnes', 'fr', { value: 1200000 }],
    ['2,350 millions de personnes', 'fr', { value: 2350000 }],
    ['deux cent mille personnes', 'fr', { value: 200000 }],
    ['quatre-vingts familles', 'fr', { value: 80 }],
    ['quatre-vingt-dix familles', 'fr', { value: 90 }],
    ['quatre-vingt-dix-sept familles', 'fr', { value: 97 }],
    ['soixante et onze familles', 'fr', { value: 71 }],
    ['vingt et un mille personnes', 'fr', { value: 21000 }],
    ['nonante familles', 'fr', { value: 90 }],
    ['mille personnes', 'fr', { value: 1000 }],
    ['un million et demi de personnes', 'fr', { value: 1500000 }],
  ];
  for (const [text, lang, expected] of rows) {
    const [q] = read(text, lang);
    assert.ok(q, text);
    for (const [k, v] of Object.entries(expected))
      assert.deepEqual(q[k as keyof typeof q], v, `${text}: ${k}`);
    assert.equal(q.nonFigure, null, text);
  }
  // Number words of one language are not read in another: "once" is not eleven in English.
  assert.deepEqual(read('once peace has returned'), []);
  // A lone scale word or fraction is no number: "thousand", "half of the families".
  assert.deepEqual(read('half of the families'), []);
  assert.deepEqual(read('two hundred and a dog')[0]?.value, 200);
});

test('numbers that are not figures', () => {
  const rows: [string, RegExp, string?, string?][] = [
    // days of the month, years, periods
    ['on 3 March', /date/],
    ['on June 4', /date/],
    ['on Feb. 11, 2013', /date/, '11'],
    ['the 4 of June', /date/],
    ['between 2 and 9 July', /date/],
    ['between June 2 and 9', /date/, '9'],
    ['4-9 July', /date/],
    ['el 4 de junio', /date/, '4', 'es'],
    ['le 4 mai', /date/, '4', 'fr'],
    ['on the 4th', /ordinal/],
    // …and its suffix parted from it before the month, as PDF text and typing leave it.
    ['as of 29 th March, 38 centres', /date/, '29'],
    ['in 2019', /year/],
    // …even before a noun of people, after a word of time: "in 2014 IDPs were counted".
    ['in 2014 IDPs were counted', /year/],
    ['the end of 2018 displaced families', /year/],
    ['depuis 2017 déplacés', /year/, '2017', 'fr'],
    ['in 2019-2020', /years/],
    ['in 2023–24', /date or code/, '24'],
    ["end of Dec.'17 to 3.6 million", /date/, '17'],
    ['since June ’22', /date/, '22'],
    ['the 1990s', /year|identifier/],
    ['on 12/06/2024', /date or code/, '06'],
    // clock times and durations
    ['at 10 pm', /time/],
    ['at 10 p.m. on Monday', /time/],
    ['at 11:00', /time/],
    ['at 16 h 30', /time/],
    ['at 1600 hrs', /time/],
    ['at 4.30', /decimal/],
    ['24 hours', /duration/],
    ['a 3-day wait', /duration/],
    // money, percentages, measures, ratios
    ['US$ 611,781', /money/],
    ['300 dollars', /money/],
    ['2 millones de dólares', /money/, '2 millones', 'es'],
    ["1,2 million d'euros", /money/, '1,2 million', 'fr'],
    ['40 percent', /measure|percentage/],
    ['40 per capita', /measure|percentage/],
    ['15 km away', /measure/],
    ['2.5 hectares', /decimal/],
    ['3,400 hectares', /measure/],
    ['1 in 5 children', /ratio/],
    ['uno de cada cinco niños', /ratio/, 'uno', 'es'],
    // labels, models, identifiers, codes, phone numbers
    ['aged 12', /label or age/],
    ['Category 4 storm', /label/],
    ['Resolution 2334', /label/],
    ['see Table 4 below', /label/],
    ['en el cuadro 3', /label/, '3', 'es'],
    ['a Boeing 737 landed', /model/],
    ['COVID-19 cases', /identifier/],
    ['the 3rd office', /ordinal/],
    ['selon 2424.mg, 300 sinistrés', /web address/, '2424', 'fr'],
    ['the average number of arrivals was 48 to Sinjar', /average/, '48'],
    ['case 2024-118', /label|code|year/],
    ['file 2024-118', /date or code/, '118'],
    ['call 112 now', /phone/],
    ['hotline 1 800 123 456', /phone/],
    ['on +254 722 123 456', /phone/],
    ['dial 0800 123 456', /phone/],
    ['contact 555-123-4567', /phone|code/],
    // the pronoun "one"
    ['one of the displaced', /pronoun/],
    ['no one was evacuated', /pronoun/],
    ['they helped one another', /pronoun/],
    ['one displaced mother said', /pronoun/],
  ];
  for (const [text, reason, span, lang] of rows) {
    const qs = read(text, lang);
    const q = span ? qs.find((x) => x.span === span) : qs[0];
    assert.ok(q, text);
    assert.match(q.nonFigure ?? 'figure', reason, text);
  }
});

test('near misses that stay figures', () => {
  const rows: [string, number, string?][] = [
    ['2019 families were displaced', 2019],
    ['a total of 2019 families', 2019],
    ['one family was evacuated', 1],
    ['2.350.112 people', 2350112],
    ['Los combates desplazaron a 2.350.112 personas', 2350112, 'es'],
    ['on 4 June 2,000 people fled', 2000],
    ['at 4.30 pm 300 people were evacuated', 300],
    ['a call to help 5,000 displaced people', 5000],
    ['between 3,000-5,000 people', 3000],
    ['Amina said 34 families fled', 34],
  ];
  for (const [text, value, lang] of rows) {
    const q = read(text, lang).find((x) => x.value === value);
    assert.ok(q, text);
    assert.equal(q.nonFigure, null, text);
  }
});

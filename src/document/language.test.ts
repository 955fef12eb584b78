import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage, primaryLanguage } from './language.js';

const ROWS: [string, string | null][] = [
  [
    'The river burst its banks overnight and families moved to the school on the hill until the water fell.',
    'en',
  ],
  ['Les habitants du quartier ont quitté leurs maisons pendant la nuit après la crue de la rivière.', 'fr'],
  [
    'Las familias abandonaron sus viviendas durante la noche por la crecida del río y se refugiaron en la escuela.',
    'es',
  ],
  ['Die Bewohner verließen in der Nacht ihre Häuser, nachdem der Fluss über die Ufer getreten war.', 'de'],
  ['اضطرت العائلات إلى مغادرة منازلها ليلا بعد فيضان النهر ولجأت إلى المدرسة في أعلى التل', 'ar'],
  ['Os moradores deixaram as suas casas durante a noite depois da cheia do rio e foram para a escola.', 'pt'],
  [
    'По словам местных властей, более тысячи человек были эвакуированы из затопленных районов, а школы временно закрыты.',
    'ru',
  ],
  ['too short', null],
  ['', null],
  ['1234 5678 9012 3456 7890 1234 5678 9012 3456 7890 1234', null],
];

for (const [text, expected] of ROWS) {
  test(`detectLanguage: ${expected ?? 'null'} ← ${text.slice(0, 30)}`, () => {
    assert.equal(detectLanguage(text), expected);
  });
}

test('primaryLanguage reduces tags to their primary subtag', () => {
  assert.equal(primaryLanguage('en-GB'), 'en');
  assert.equal(primaryLanguage('pt_BR'), 'pt');
  assert.equal(primaryLanguage(' FR '), 'fr');
  assert.equal(primaryLanguage('english please'), null);
  assert.equal(primaryLanguage(''), null);
  assert.equal(primaryLanguage(null), null);
});

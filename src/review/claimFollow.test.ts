// A claim review covers the reports of its figure that arrive after it, on both engines, with
// the real extractor and ingest path: a confirmed claim's later report (another outlet, other
// words) is confirmed too; a rejected claim's figure stays out of the claims when another outlet
// reports it in its own words; and both hold when the whole store is clustered again.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { Ingest } from '../ingest/ingest.js';
import { createDeps } from '../ingest/wiring.js';
import { describeEachEngine } from '../store/test-engines.js';

const FIRST =
  'Heavy floods in the north of Malawi displaced 12,400 people in Karonga district on 3 March 2024, officials said. ' +
  'Separately, fighting near Goma in the Democratic Republic of the Congo forced 8,000 people to flee their homes on 5 March 2024.';
const LATER =
  'In Malawi, floods in Karonga district displaced about 12,400 people on 3 March 2024, the Red Cross reported. ' +
  'Near Goma, in the Democratic Republic of the Congo, some 8,000 people fled their homes because of fighting on 5 March 2024.';

describeEachEngine('a claim review covers later reports of its figure', (store) => {
  const ingest = () =>
    new Ingest(store(), { ...createDeps({ fetchAllow: [] }), extractorVersion: 'v1' }, { hostDelayMs: 0 });
  const add = async (text: string, url: string, published: string) => {
    const i = ingest();
    const { articleId } = await i.addDocument({
      text,
      url,
      title: 'Floods and fighting',
      published,
      origin: 'test',
    });
    await i.run({ drain: true });
    return articleId;
  };
  const claimOf = async (country: string) => (await store().claims.list({ country: [country] })).items;

  before(async () => {
    await add(FIRST, 'https://first.example.org/malawi', '2024-03-06');
  });

  test('a confirmed and a rejected claim, then another outlet reports both figures', async () => {
    const [malawi] = await claimOf('MWI');
    const [goma] = await claimOf('COD');
    assert.equal(malawi?.figure, 12400);
    assert.equal(goma?.figure, 8000);
    await store().reviews.reviewClaim(malawi!.id, { action: 'confirm' }, 'analyst');
    await store().reviews.reviewClaim(goma!.id, { action: 'reject' }, 'analyst');
    assert.equal((await claimOf('COD')).length, 0);

    const later = await add(LATER, 'https://second.example.net/malawi', '2024-03-07');
    const facts = await store().facts.forArticle(later);
    const confirmed = facts.find((f) => f.figure === 12400);
    const rejected = facts.find((f) => f.figure === 8000);
    assert.ok(confirmed && rejected, `the extractor read both: ${facts.map((f) => f.figure).join(', ')}`);
    assert.equal(confirmed.review?.status, 'confirmed');
    assert.equal(rejected.review?.status, 'rejected');
    const [claim] = await claimOf('MWI');
    assert.equal(claim?.id, malawi!.id);
    assert.equal(claim?.independent_sources, 2, 'the later report joined the confirmed claim');
    assert.equal((await claimOf('COD')).length, 0, 'the rejected figure stays out in new words');
  });

  test('and after the whole store is clustered again', async () => {
    await store().clustering.rebuild();
    assert.equal((await claimOf('COD')).length, 0);
    assert.equal((await claimOf('MWI'))[0]?.independent_sources, 2);
  });
});

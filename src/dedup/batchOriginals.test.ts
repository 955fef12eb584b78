// The batch's originals index answers what the store's own queries answer, document after
// document, as the batch stores originals and copies: the same band candidates (also when a
// limit cuts them), the same recent window (also a short one), the same original found. Run
// on both engines, in transactions of 25 documents over a templated corpus whose SimHashes
// share bands (the case where one query per batch has the most to replace).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { newArticle } from '../store/queries/articles.js';
import { describeEachEngine } from '../store/test-engines.js';
import { BatchOriginals, type OriginalsSource } from './batchOriginals.js';
import { findOriginal, fingerprint, fingerprintColumns, type Fingerprint } from './policy.js';

const PLACES = ['Mosul', 'Aleppo', 'Sylhet', 'Cebu', 'Beira', 'Kherson'];

/** Reports from one template (so their SimHashes share bands), with exact and near copies. */
function corpus(): string[] {
  let seed = 11;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const out: string[] = [];
  for (let i = 0; i < 90; i++) {
    const place = PLACES[Math.floor(rand() * PLACES.length)]!;
    const text =
      `Floods forced ${1000 + Math.floor(rand() * 9000)} people from their homes in ${place} on ${1 + (i % 27)} May 2024, ` +
      `officials said. About ${100 + Math.floor(rand() * 800)} families are sheltering in schools near ${place}, ` +
      `and aid agencies said roads to the area remained cut, according to report number ${i % 30}. ` +
      'More rain was expected over the coming days and the river was still rising in the north of the district.';
    out.push(text);
    if (i % 6 === 2) out.push(text); // an exact copy
    if (i % 5 === 1) out.push(`${place.toUpperCase()} (Wire) - ${text} Reporting by the wire desk.`);
  }
  return out;
}

const ids = (rows: { id: number }[]) => rows.map((r) => r.id).sort((a, b) => a - b);

describeEachEngine('BatchOriginals', (store) => {
  test('answers as the store does, document after document', { timeout: 120_000 }, async () => {
    const texts = corpus();
    const BATCH = 25;
    let originals = 0;
    let copies = 0;
    let fallbacks = 0;
    // The figures the batches learned, for the later ones (as `dmon import` keeps them), and the
    // texts they read: only those whose figures are unknown or the document's.
    const known = new Map<number, string>();
    let textsRead = 0;
    for (let start = 0; start < texts.length; start += BATCH) {
      const batch = texts.slice(start, start + BATCH);
      const fps: Fingerprint[] = batch.map((t) => fingerprint(t));
      await store().transaction(async (tx) => {
        // The last document of each batch is left out of the load: its bands are asked of the store.
        const a = tx.articles;
        const source: OriginalsSource = {
          findByHash: (h) => a.findByHash(h),
          simhashCandidates: (b, l) => a.simhashCandidates(b, l),
          recentSimhashes: (l) => a.recentSimhashes(l),
          texts: (ids) => ((textsRead += ids.length), a.texts(ids)),
          originalsSharingBands: (v) => a.originalsSharingBands(v),
          firstOriginalsByHash: (h) => a.firstOriginalsByHash(h),
        };
        const index = new BatchOriginals(source, () => fps.slice(0, -1), known);
        for (const [k, text] of batch.entries()) {
          const fp = fps[k]!;
          if (fp.bands) {
            for (const limit of [3, 200])
              assert.deepEqual(
                ids(await index.simhashCandidates(fp.bands, limit)),
                ids(await tx.articles.simhashCandidates(fp.bands, limit)),
                `band candidates of document ${start + k} (limit ${limit})`,
              );
            if (k === batch.length - 1) fallbacks++;
            for (const limit of [5, 2000])
              assert.deepEqual(
                (await index.recentSimhashes(limit)).map((r) => r.id),
                (await tx.articles.recentSimhashes(limit)).map((r) => r.id),
                `recent window of document ${start + k} (limit ${limit})`,
              );
          }
          const original = await findOriginal(index, text, fp);
          assert.equal(original, await findOriginal(tx.articles, text, fp), `document ${start + k}`);
          const r = await tx.articles.insert(
            newArticle({
              origin: 'import',
              external_id: `d${start + k}`,
              text,
              ...fingerprintColumns(fp),
              // Copies get a URL: the store keeps one text without a URL only once.
              url: original === null ? null : `https://copy.example.org/${start + k}`,
              duplicate_of: original,
              status: original === null ? 'pending' : 'duplicate',
            }),
          );
          assert.ok(r.created);
          if (original === null) {
            originals++;
            index.added(r.id, text, fp);
          } else copies++;
        }
        for (const [id, f] of index.learnedFigures()) known.set(id, f);
      });
    }
    assert.ok(known.size >= originals, 'the figures of every original stored are known');
    assert.ok(textsRead < 30, `texts read for their figures (${textsRead})`);
    assert.ok(originals >= 60, `originals stored (${originals})`);
    assert.ok(copies >= 30, `exact and near copies found (${copies})`);
    assert.ok(fallbacks >= 3, 'documents whose bands were not loaded');
  });
});

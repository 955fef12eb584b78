// Exports at the claim and event levels on both engines, through the API on the Mosul scenario
// (three claims: one figure from three reports, an updated figure, a flood in households; two
// events), read back as HXL, GeoJSON and JSON Lines; filters a level cannot take are refused;
// and `dmon export --level event` in a child process on a SQLite store.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { readHxl, sum, values } from '../export/test-hxlReader.js';
import { MOSUL_ARTICLES, storeScenarioArticle } from '../store/claims-scenario.js';
import { openStore } from '../store/index.js';
import { describeEachEngine } from '../store/test-engines.js';
import { buildApp } from './app.js';

describeEachEngine('export levels', (store) => {
  let app: FastifyInstance;

  before(async () => {
    app = await buildApp({ store: store(), version: 'test' });
    const ids = new Map<string, number>();
    for (const a of MOSUL_ARTICLES) await storeScenarioArticle(store(), a, ids);
  });

  const get = async (url: string) => {
    const r = await app.inject({ method: 'GET', url });
    return { status: r.statusCode, body: r.body, headers: r.headers };
  };

  test('claims as CSV with HXL: one row per claim, people summed per term, households apart', async () => {
    const r = await get('/api/export?format=csv&level=claim');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-disposition']), /dmon-claims\.csv/);
    const data = readHxl(r.body.replace(/^\uFEFF/, ''));
    const api = JSON.parse((await get('/api/claims?limit=500')).body) as {
      items: { id: string; figure: number; independent_sources: number; event_id: string }[];
    };
    assert.equal(data.rows.length, api.items.length);
    assert.equal(data.rows.length, 3);
    const ids = values(data, '#meta+id').map((r) => r[0]);
    assert.deepEqual(ids.sort(), api.items.map((c) => c.id).sort());
    // The two Mosul figures, each once however many outlets reported it; the flood's 600
    // households are 3,600 people under its own term, and 600 in the households column.
    assert.equal(sum(data, '#affected+ind'), 190000 + 250000 + 3600);
    assert.equal(sum(data, '#affected+hh'), 600);
    assert.equal(sum(data, '#meta+sources+num'), 2 + 2 + 1);
    for (const row of values(data, '#affected+ind'))
      assert.ok(row.filter((c) => c !== '').length <= 1, 'at most one people cell per row');
    const events = values(data, '#event+id').map((r) => r[0]);
    assert.deepEqual(events.sort(), api.items.map((c) => c.event_id).sort());
  });

  test('events as CSV with HXL: the recommended figure in its class column, the reason', async () => {
    const r = await get('/api/export?format=csv&level=event');
    assert.equal(r.status, 200);
    assert.match(String(r.headers['content-disposition']), /dmon-events\.csv/);
    const data = readHxl(r.body.replace(/^\uFEFF/, ''));
    assert.equal(data.rows.length, 2);
    assert.equal(sum(data, '#affected+displaced+ind'), 250000 + 3600);
    assert.equal(sum(data, '#affected+displaced+hh'), 600);
    assert.deepEqual(
      values(data, '#event+name').map((r) => r[0]),
      ['Conflict — Nineveh, Iraq, Oct 2016', 'Flood — Basra, Iraq, Nov 2016'],
    );
    assert.match(values(data, '#description')[0]![0]!, /2 independent sources/);
    const floods = readHxl(
      (await get('/api/export?format=csv&level=event&hazard=flood')).body.replace(/^\uFEFF/, ''),
    );
    assert.equal(floods.rows.length, 1);
  });

  test('GeoJSON: claims as points at their place, events with every located place', async () => {
    const claims = JSON.parse((await get('/api/export?format=geojson&level=claim')).body) as {
      features: {
        id: string;
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
    };
    assert.equal(claims.features.length, 3);
    const big = claims.features.find((f) => f.properties.figure === 250000)!;
    assert.deepEqual(big.geometry, { type: 'Point', coordinates: [43.1189, 36.335] });
    assert.equal(big.properties.lat, undefined);
    assert.equal(big.properties.independent_sources, 2);
    const events = JSON.parse((await get('/api/export?format=geojson&level=event')).body) as {
      features: {
        id: string;
        geometry: { type: string; coordinates: number[] };
        properties: Record<string, unknown>;
      }[];
    };
    assert.equal(events.features.length, 2);
    const flood = events.features.find((f) => f.properties.hazard === 'flood')!;
    assert.deepEqual(flood.geometry, { type: 'Point', coordinates: [47.7804, 30.5085] });
    assert.equal(flood.properties.people, 3600);
    assert.equal(flood.properties.unit, 'households');
  });

  test('XLSX: a claims sheet and an events sheet with the header and hashtag rows', async () => {
    for (const [level, sheetName, rows] of [
      ['claim', 'claims', 3],
      ['event', 'events', 2],
    ] as const) {
      const r = await app.inject({ method: 'GET', url: `/api/export?format=xlsx&level=${level}` });
      assert.equal(r.statusCode, 200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(r.rawPayload as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet(sheetName)!;
      assert.equal(sheet.rowCount, 2 + rows);
      const tags = (sheet.getRow(2).values as unknown[]).slice(1);
      assert.equal(tags[0], level === 'claim' ? '#meta+id' : '#event+id');
      const figureCol = tags.indexOf('#indicator+num') + 1;
      const figures = Array.from({ length: rows }, (_, i) => sheet.getRow(3 + i).getCell(figureCol).value);
      assert.ok(figures.includes(250000), `${level}: ${JSON.stringify(figures)}`);
    }
  });

  test('JSON Lines: one object per event with the ids the API gives', async () => {
    const r = await get('/api/export?format=jsonl&level=event');
    const lines = r.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; figure: number });
    const api = JSON.parse((await get('/api/events')).body) as { items: { id: string }[] };
    assert.deepEqual(
      lines.map((l) => l.id),
      api.items.map((e) => e.id),
    );
    assert.deepEqual(
      lines.map((l) => l.figure),
      [250000, 600],
    );
  });

  test('a filter the level cannot take is a 400 that names it; an unknown level too', async () => {
    const term = await get('/api/export?format=csv&level=event&term=displaced');
    assert.equal(term.status, 400);
    assert.match(term.body, /the term filter applies to facts only; level=event/);
    const conf = await get('/api/export?format=csv&level=claim&min_confidence=0.5&q=Mosul');
    assert.equal(conf.status, 400);
    assert.match(conf.body, /the min_confidence, q filters apply to facts only/);
    assert.equal((await get('/api/export?format=csv&level=article')).status, 400);
    // The fact level still takes them.
    assert.equal((await get('/api/export?format=csv&level=fact&min_confidence=0.5')).status, 200);
  });
});

test('dmon export --level event --format csv on a SQLite store; a bad level is a usage error', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-export-levels-'));
  const sqlite = join(dir, 'dmon.sqlite');
  const s = await openStore({ sqlitePath: sqlite });
  const ids = new Map<string, number>();
  for (const a of MOSUL_ARTICLES) await storeScenarioArticle(s, a, ids);
  await s.close();
  const RUN = fileURLToPath(new URL('../cli/run.ts', import.meta.url));
  const dmon = (args: string[]) =>
    new Promise<{ code: number; out: string; err: string }>((resolve) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', RUN, ...args],
        { encoding: 'utf8', env: { ...process.env, DMON_SQLITE: sqlite } },
        (error, out, err) =>
          resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, out, err }),
      );
    });
  const r = await dmon(['export', '--format', 'csv', '--level', 'event']);
  assert.equal(r.code, 0, r.err);
  const data = readHxl(r.out.replace(/^\uFEFF/, ''));
  assert.equal(data.rows.length, 2);
  assert.equal(sum(data, '#affected+displaced+ind'), 253600);
  const bad = await dmon(['export', '--format', 'csv', '--level', 'article']);
  assert.equal(bad.code, 2);
  assert.match(bad.err, /fact, claim, event/);
  const refused = await dmon(['export', '--format', 'csv', '--level', 'claim', '--admin1', 'Nineveh']);
  assert.equal(refused.code, 2);
  assert.match(refused.err, /admin1 filter/);
});

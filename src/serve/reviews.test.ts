// The review API on both engines: scopes (no, malformed, unknown, revoked token → 401; too
// small a scope → 403; all in the error shape), a review posted and listed, the audit log
// with the token's name, merge and split by HTTP, and responses that match the OpenAPI schemas.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { describeEachEngine } from '../store/test-engines.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';
import { buildApp } from './app.js';
import { checkSchema } from './test-schemaCheck.js';

describeEachEngine('review API', (store) => {
  let app: FastifyInstance;
  let doc: {
    paths: Record<
      string,
      Record<string, { operationId: string; responses: Record<string, Record<string, unknown>> }>
    >;
    components?: { schemas?: Record<string, Record<string, unknown>> };
  };
  const tokens: Record<string, string> = {};
  let factId = 0;
  let articleB = 0;

  before(async () => {
    app = await buildApp({
      store: store(),
      version: 'test',
      addFeed: async (url) => {
        const r = await store().sources.add(url);
        return { id: r.source.id, url: r.source.url, created: r.created };
      },
    });
    const a = await seedArticle(store(), TEXT_A, [factA()]);
    articleB = await seedArticle(store(), TEXT_B, [factB()]);
    await store().clustering.updateForArticles([a, articleB]);
    factId = (await store().facts.forArticle(a))[0]!.id;
    for (const scope of ['read', 'review', 'admin'] as const)
      tokens[scope] = (await store().tokens.create(`${scope}-user`, scope)).token;
    tokens.revoked = (await store().tokens.create('gone', 'admin')).token;
    await store().tokens.revoke('gone');
    tokens.unscoped = (await store().tokens.create('unscoped')).token;
    doc = (await app.inject({ url: '/api/openapi.json' })).json();
  });

  /** The body matches the schema the OpenAPI document declares for the operation and status. */
  const checkResponse = (operationId: string, status: number, body: unknown) => {
    const op = Object.values(doc.paths)
      .flatMap((p) => Object.values(p))
      .find((o) => o.operationId === operationId);
    assert.ok(op, `no operation ${operationId}`);
    const declared = op.responses[String(status)] as
      { content?: Record<string, { schema: object }> } | undefined;
    assert.ok(declared, `${operationId}: ${status} is not documented`);
    const schema = declared.content?.['application/json']?.schema as Record<string, unknown>;
    assert.deepEqual(checkSchema(doc, schema, body), [], operationId);
  };

  const call = async (method: 'GET' | 'POST', url: string, token?: string, body?: unknown) => {
    const r = await app.inject({
      method,
      url,
      headers: token === undefined ? {} : { authorization: token.includes(' ') ? token : `Bearer ${token}` },
      ...(body === undefined ? {} : { payload: body as object }),
    });
    return { status: r.statusCode, body: r.json() };
  };
  const confirm = { target_kind: 'fact', target_id: '', action: 'confirm' };

  test('scopes: 401 without a live token, 403 with too small a scope, in the error shape', async () => {
    const body = { ...confirm, target_id: String(factId) };
    const cases: [string | undefined, number, string][] = [
      [undefined, 401, 'UNAUTHORIZED'],
      ['Basic abc', 401, 'UNAUTHORIZED'],
      ['dmon_not-a-real-token', 401, 'UNAUTHORIZED'],
      [tokens.revoked, 401, 'UNAUTHORIZED'],
      [tokens.read, 403, 'FORBIDDEN'],
    ];
    for (const [token, status, code] of cases) {
      const r = await call('POST', '/api/reviews', token, body);
      assert.equal(r.status, status, `${token}: ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, code);
      assert.equal(typeof r.body.error.message, 'string');
    }
    const forbidden = await call('POST', '/api/reviews', tokens.read, body);
    assert.match(forbidden.body.error.message, /scope read; this request needs review/);
    // Feeds are admin: a review token may not add one, an admin token may. A token made
    // without a scope is read: it may neither review nor add a feed.
    const feed = { url: 'https://feeds.example.org/rss' };
    assert.equal((await call('POST', '/api/feeds', tokens.review, feed)).status, 403);
    assert.equal((await call('POST', '/api/feeds', tokens.admin, feed)).status, 201);
    assert.equal((await call('POST', '/api/feeds', tokens.unscoped, feed)).status, 403);
    assert.equal((await call('POST', '/api/reviews', tokens.unscoped, body)).status, 403);
    // The audit log needs any live token.
    assert.equal((await call('GET', '/api/reviews/log')).status, 401);
    assert.equal((await call('GET', '/api/reviews/log', tokens.revoked)).status, 401);
    assert.equal((await call('GET', '/api/reviews/log', tokens.read)).status, 200);
    assert.equal((await store().reviews.list({})).items.length, 0, 'refused requests stored nothing');
  });

  test('POST /api/reviews corrects a fact; GET lists it; the log names the token', async () => {
    const r = await call('POST', '/api/reviews', tokens.review, {
      target_kind: 'fact',
      target_id: String(factId),
      action: 'correct',
      changes: {
        figure: 13000,
        place: { name: 'Southtown', lat: 10.1, lon: 20.2 },
        date: { start: '2024-02-20' },
      },
      note: 'figure from the second paragraph',
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    checkResponse('createReview', 201, r.body);
    assert.equal(r.body.reviewer, 'review-user');
    assert.deepEqual(r.body.fact_ids, [factId]);

    const fact = await call('GET', `/api/facts/${factId}`);
    assert.equal(fact.body.figure, 13000);
    assert.deepEqual(fact.body.location, { name: 'Southtown', lat: 10.1, lon: 20.2 });
    assert.equal(fact.body.date.start, '2024-02-20');
    assert.equal(fact.body.review.status, 'corrected');

    const list = await call('GET', '/api/reviews?action=correct,reject&target_kind=fact&limit=1');
    assert.equal(list.status, 200);
    checkResponse('listReviews', 200, list.body);
    assert.deepEqual(
      list.body.items.map((i: { id: number }) => i.id),
      [r.body.id],
    );
    assert.equal((await call('GET', '/api/reviews?reviewer=nobody')).body.items.length, 0);
    const one = await call('GET', `/api/reviews/${r.body.id}`);
    assert.equal(one.body.id, r.body.id);
    assert.equal((await call('GET', '/api/reviews/999999')).status, 404);

    const log = await call('GET', `/api/reviews/log?target_kind=fact&target_id=${factId}`, tokens.read);
    checkResponse('listAuditLog', 200, log.body);
    const [entry] = log.body.items;
    assert.equal(entry.actor, 'review-user');
    assert.equal(entry.action, 'correct');
    assert.equal(entry.before.figure, 12500);
    assert.equal(entry.after.figure, 13000);
  });

  test('a claim correction reaches every fact of the claim; the claim keeps its id', async () => {
    const claim = (await call('GET', '/api/claims?country=FRE')).body.items[0] as {
      id: string;
      figure: number;
    };
    assert.equal(claim.figure, 40000);
    const r = await call('POST', '/api/reviews', tokens.admin, {
      target_kind: 'claim',
      target_id: claim.id,
      action: 'correct',
      changes: { figure: 4000, qualifier: 'approximately' },
    });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal(r.body.reviewer, 'admin-user');
    const now = await call('GET', `/api/claims/${claim.id}`);
    assert.equal(now.body.figure, 4000);
    assert.equal(now.body.qualifier, 'approximately');
    for (const id of r.body.fact_ids as number[])
      assert.equal((await call('GET', `/api/facts/${id}`)).body.figure, 4000);
    const log = await call('GET', `/api/reviews/log?target_kind=claim&target_id=${claim.id}`, tokens.read);
    assert.equal(log.body.items[0].before.figure, 40000);
    assert.equal(log.body.items[0].after.figure, 4000);
  });

  test('bad review bodies are 400 naming the problem; unknown targets 404', async () => {
    const bad = [
      { ...confirm, target_id: 'x1' },
      { ...confirm, target_id: String(factId), action: 'approve' },
      { target_kind: 'fact', target_id: String(factId), action: 'correct' },
      { target_kind: 'fact', target_id: String(factId), action: 'correct', changes: { figure: 'many' } },
      { target_kind: 'fact', target_id: String(factId), action: 'correct', changes: { colour: 'red' } },
      { target_kind: 'fact', target_id: String(factId), action: 'correct', changes: {} },
      { target_kind: 'claim', target_id: String(factId), action: 'confirm' },
    ];
    for (const body of bad) {
      const r = await call('POST', '/api/reviews', tokens.review, body);
      assert.equal(r.status, 400, `${JSON.stringify(body)} → ${JSON.stringify(r.body)}`);
      assert.equal(r.body.error.code, 'USAGE');
    }
    const missing = await call('POST', '/api/reviews', tokens.review, { ...confirm, target_id: '999999' });
    assert.equal(missing.status, 404);
    assert.equal(
      (
        await call('POST', '/api/reviews', tokens.review, {
          ...confirm,
          target_kind: 'claim',
          target_id: 'c000000000000',
        })
      ).status,
      404,
    );
  });

  test('merge and split events by HTTP', async () => {
    const events = (await call('GET', '/api/events')).body.items as { id: string }[];
    assert.equal(events.length, 2);
    const [e1, e2] = events.map((e) => e.id) as [string, string];
    assert.equal((await call('POST', `/api/events/${e1}/merge`, tokens.read, { other: e2 })).status, 403);
    const m = await call('POST', `/api/events/${e1}/merge`, tokens.review, { other: e2, note: 'one crisis' });
    assert.equal(m.status, 200, JSON.stringify(m.body));
    checkResponse('mergeEvents', 200, m.body);
    assert.equal(m.body.event.id, e1);
    assert.equal(m.body.event.claims, 2);
    assert.equal((await call('GET', `/api/events/${e2}`)).status, 404);
    assert.equal(
      (await call('POST', `/api/events/${e1}/merge`, tokens.review, { other: 'e000000000000' })).status,
      404,
    );

    const claimB = (await call('GET', `/api/claims?country=FRE`)).body.items[0].id as string;
    const s = await call('POST', `/api/events/${e1}/split`, tokens.review, { claims: [claimB] });
    assert.equal(s.status, 201, JSON.stringify(s.body));
    checkResponse('splitEvent', 201, s.body);
    assert.equal(s.body.event.claims, 1);
    assert.equal(s.body.new_event.claims, 1);
    assert.equal(s.body.new_event.id, s.body.review.changes.new_event_id);
    const all = await call('POST', `/api/events/${e1}/split`, tokens.review, {
      claims: s.body.event.claims_list.map((c: { id: string }) => c.id),
    });
    assert.equal(all.status, 400);
    assert.match(all.body.error.message, /at least one claim/);
    const log = await call('GET', '/api/reviews/log?target_kind=event', tokens.admin);
    assert.deepEqual(
      log.body.items.map((e: { action: string; actor: string }) => [e.action, e.actor]),
      [
        ['split', 'review-user'],
        ['merge', 'review-user'],
      ],
    );
  });
});

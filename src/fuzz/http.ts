// The API as a client sees it, for the fuzz targets: a real app over a real SQLite store in a
// temp directory, with two articles and their facts, opened on first use and shared by every
// case (closeFuzzApp() removes it). The GET routes and their query parameters are read from the
// app's own OpenAPI document, so a new route is fuzzed the day it is added.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../serve/app.js';
import { openStore, type Store } from '../store/index.js';
import { factA, factB, seedArticle, TEXT_A, TEXT_B } from '../store/test-fixtures.js';

export interface FuzzApp {
  app: FastifyInstance;
  /** GET routes ('/api/facts/{id}') with their query parameter names. */
  routes: { path: string; params: string[] }[];
  /** A token with every scope, for the routes that need one. */
  token: string;
}

let shared: Promise<FuzzApp> | null = null;
let opened: { store: Store; app: FastifyInstance; dir: string } | null = null;

async function open(): Promise<FuzzApp> {
  const dir = mkdtempSync(join(tmpdir(), 'dmon-fuzz-api-'));
  const store = await openStore({ databaseUrl: null, sqlitePath: join(dir, 'dmon.sqlite') });
  const app = await buildApp({ store, version: 'fuzz' });
  opened = { store, app, dir };
  await seedArticle(store, TEXT_A, [factA()]);
  await seedArticle(store, TEXT_B, [factB()]);
  const token = (await store.tokens.create('fuzz', 'admin')).token;
  const doc = (await app.inject({ url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
  };
  const routes = Object.entries(doc.paths)
    .filter(([, ops]) => ops.get)
    .map(([path, ops]) => ({
      path,
      params: (ops.get!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
    }));
  return { app, routes, token };
}

export function fuzzApp(): Promise<FuzzApp> {
  shared ??= open();
  return shared;
}

export async function closeFuzzApp(): Promise<void> {
  if (!opened) return;
  const { app, store, dir } = opened;
  opened = null;
  shared = null;
  await app.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}

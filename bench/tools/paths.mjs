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

write('b4-dyad-range.paths', p.dyads.map((d) => `/events?dyad=${d.a},${d.b}&from=${d.from}&to=${d.to}&limit=20`));
write('b4-actor-root.paths', p.actorRoots.map((x) => `/events?actor=${x.actor}&root=${x.root}&limit=20`));
write('b4-place-status.paths', p.placeStatuses.map((x) => `/events?place=${x.place}&status=${x.status}&limit=20`));
write('b4-text.paths', p.texts.map((t) => `/events?text=${enc(t)}&limit=20`));
write('b4-dyad-stats.paths', p.dyads.map((d) => `/stats/dyad?a=${d.a}&b=${d.b}&interval=month`));
write('b4-latest.paths', ['/events?limit=20']);

// GraphQL front-end queries (benchmarks 2 and 3). Actors of mid rank (100-1100 of 2000, a few
// hundred to a few thousand events each) so that the backends' own work stays small next to the
// gateway's: these benchmarks measure the gateway, benchmark 4 the queries at scale.
const mid = p.rankedActors.slice(100, 1100);
const body = (query, variables) => JSON.stringify({ query, variables });
const PAGE = `query Page($from: Date, $to: Date) { events(first: 20, filter: {from: $from, to: $to}) { edges { node { id title start participants { role actor { name } } } } } }`;
const ACTOR = `query Actor($id: ID!) { actor(id: $id) { name events(first: 5) { edges { node { id title start participants { role actor { name } } } } } } }`;
const DYAD = `query Dyad($a: ID!, $b: ID!) { dyad(a: $a, b: $b, interval: MONTH) { series { period count goldsteinMean } } }`;
const weeks = [];
for (let d = Date.UTC(2024, 0, 1); d < Date.UTC(2024, 11, 24); d += 7 * 86400000) {
  weeks.push([new Date(d).toISOString().slice(0, 10), new Date(d + 6 * 86400000).toISOString().slice(0, 10)]);
}
write('gql-page.jsonl', weeks.map(([from, to]) => body(PAGE, { from, to })));
write('gql-actor.jsonl', mid.map((id) => body(ACTOR, { id })));
const pairs = [];
for (let i = 0; i < 300; i++) pairs.push([p.rankedActors[20 + (i % 40)], p.rankedActors[60 + ((i * 7) % 140)]]);
write('gql-dyad.jsonl', pairs.map(([a, b]) => body(DYAD, { a, b })));
write('weeks.json', [JSON.stringify(weeks)]);
write('actors-mid.json', [JSON.stringify(mid)]);
write('dyads.json', [JSON.stringify(pairs)]);

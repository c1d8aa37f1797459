// The tables of bench/startup.sh's results (benchmarks 5 and 7 with JVM variants), from its
// measurements file:   node bench/tools/startup-report.mjs <startup.jsonl>
import fs from 'node:fs';

const rows = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n === 0 ? NaN : n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2; };
const f2 = (x) => Number.isFinite(x) ? x.toFixed(2) : '–';
const f0 = (x) => Number.isFinite(x) ? Math.round(x).toString() : '–';
const spread = (xs) => xs.length ? `${f2(Math.min(...xs))}–${f2(Math.max(...xs))}` : '–';
const goal = (x, limit) => Number.isFinite(x) ? (x <= limit ? ' (met)' : ' (**missed**)') : '';
const out = [];
const say = (s = '') => out.push(s);
const variants = [...new Set(rows.filter((r) => r.variant).map((r) => r.variant))];
const names = { floor: 'floor', actors: 'actors-service', events: 'events-service', gateway: 'gateway' };

const train = rows.filter((r) => r.bench === 'train');
if (train.length) {
  say('## Training runs');
  say();
  say('One per variant that needs an archive: the floor alone under `wrk` on `/hello`, the three services together under the gateway\'s GraphQL load; ' +
    'time = start to archive written (the three services\' run is shared), size of the archive.');
  say();
  say('| variant | app | training run s | archive MB |');
  say('|---|---|---|---|');
  for (const t of train) say(`| ${t.variant} | ${names[t.target]} | ${f0(t.ms / 1000)} | ${f0(t.size_kb / 1024)} |`);
  say();
}

const b5 = rows.filter((r) => r.bench === 'b5');
if (b5.length) {
  say('## Benchmark 5: start-up and memory, ratios against the floor of the same round');
  say();
  say('Start = launching `java … -jar quarkus-run.jar` to the first `/q/health/ready` answering UP (polled every 50 ms). ' +
    'Every round and variant starts the plain floor (Java 17, no archive: "a minimal Quarkus app"), the floor with the variant, ' +
    'then actors-service, events-service and the gateway with the variant (each service starts while the ones before it idle). ' +
    'RSS idle: 3 s after ready. RSS under load: at the end of a load phase (the floor: `wrk` on `/hello`; the services: ' +
    'the gateway\'s GraphQL load, which reaches both services), same connections; the requests that load phase completed are listed: ' +
    'a handful means "under load" was close to idle. Ratios are per round, then the median; spread = min–max.');
  say();
  say('| variant | app | start ms | start ÷ plain floor (goal ≤ 1.5) | spread | start ÷ floor, same variant | RSS idle MB | RSS under load MB | RSS load ÷ plain floor\'s (goal ≤ 1.2) | spread | RSS load ÷ floor\'s, same variant (goal ≤ 1.2) | spread | requests in the load phase | rounds |');
  say('|---|---|---|---|---|---|---|---|---|---|---|---|---|---|');
  const load = rows.filter((r) => r.bench === 'b5load');
  for (const v of variants) {
    for (const t of ['floor', 'actors', 'events', 'gateway']) {
      const rs = b5.filter((r) => r.variant === v && r.target === t && !r.plainfloor);
      if (!rs.length) continue;
      // against the plain floor started at the beginning of the same round and variant block
      const vsPlain = rs.map((r) => r.start_ms / (plainBefore(r)?.start_ms ?? NaN)).filter(Number.isFinite);
      const sameFloor = rs.map((r) => r.start_ms / (b5.find((x) => x.variant === v && x.round === r.round && x.target === 'floor' && !x.plainfloor)?.start_ms ?? NaN)).filter(Number.isFinite);
      const ls = load.filter((r) => r.variant === v && r.target === t && !r.plainfloor);
      const lr = ls.map((r) => r.rss_load_kb / (load.find((x) => x.variant === v && x.round === r.round && x.target === 'floor' && !x.plainfloor)?.rss_load_kb ?? NaN)).filter(Number.isFinite);
      // against the plain floor (Java 17, BENCH_JAVA_OPTS only) loaded in the same round and variant block (runs before the second of 2026-11-30 did not load it)
      const lp = ls.map((r) => r.rss_load_kb / (load.find((x) => x.variant === v && x.round === r.round && x.plainfloor)?.rss_load_kb ?? NaN)).filter(Number.isFinite);
      say(`| ${v} | ${names[t]} | ${f0(median(rs.map((r) => r.start_ms)))} | ${f2(median(vsPlain))}${t === 'floor' ? '' : goal(median(vsPlain), 1.5)} | ${spread(vsPlain)} | ${t === 'floor' ? '1' : f2(median(sameFloor))} | ` +
        `${f0(median(rs.map((r) => r.rss_idle_kb / 1024)))} | ${f0(median(ls.map((r) => r.rss_load_kb / 1024)))} | ${f2(median(lp)) + (t === 'floor' ? '' : goal(median(lp), 1.2))} | ${spread(lp)} | ${t === 'floor' ? '1' : f2(median(lr)) + goal(median(lr), 1.2)} | ${t === 'floor' ? '' : spread(lr)} | ${f0(median(ls.map((r) => r.requests)))} | ${rs.length} |`);
    }
  }
  const pf = b5.filter((r) => r.plainfloor);
  say();
  say(`Plain floor (Java 17, no archive): median start ${f0(median(pf.map((r) => r.start_ms)))} ms over ${pf.length} starts (spread ${f0(Math.min(...pf.map((r) => r.start_ms)))}–${f0(Math.max(...pf.map((r) => r.start_ms)))} ms), RSS idle ${f0(median(pf.map((r) => r.rss_idle_kb / 1024)))} MB, under load ${f0(median(load.filter((r) => r.plainfloor).map((r) => r.rss_load_kb / 1024)))} MB.`);
  say();
}
// the plain-floor row recorded just before r in the same round and variant block
function plainBefore(r) {
  const i = rows.indexOf(r);
  for (let j = i; j >= 0; j--) if (rows[j].bench === 'b5' && rows[j].plainfloor) return rows[j];
  return undefined;
}

const b7 = rows.filter((r) => r.bench === 'b7');
if (b7.length) {
  say('## Benchmark 7: the gateway\'s CPU per request from its start');
  say();
  say('The two services run warm (Java 17) throughout; a fresh gateway starts with the variant and, from its first ready, ' +
    'gets the GraphQL load of benchmark 2 (page, actor, dyad mixed; same connections) in 10-s windows. CPU per request = ' +
    'utime + stime of the gateway over the window ÷ requests. First minute = the windows of the first 60 s after ready, ' +
    'all requests together; warmed up = the windows after them (the issue\'s reference: after the full 60-s warm-up). ' +
    'Goal: first minute ≤ 1.5× warmed up.');
  say();
  say('| variant | round | first minute: ms CPU per request | warmed up: ms CPU per request | first ÷ warmed (goal ≤ 1.5) | first 10 s ÷ warmed | RPS first minute | RPS warmed | errors |');
  say('|---|---|---|---|---|---|---|---|---|');
  const cpr = (ws) => { const t = ws.reduce((a, w) => a + w.cpu_ticks / w.clk_tck * 1000, 0); const n = ws.reduce((a, w) => a + w.requests, 0); return n ? t / n : NaN; };
  const rps = (ws) => median(ws.map((w) => w.rps));
  const summary = {};
  for (const v of variants) {
    for (const round of [...new Set(b7.filter((r) => r.variant === v).map((r) => r.round))]) {
      const ws = b7.filter((r) => r.variant === v && r.round === round);
      const first = ws.filter((w) => w.first_minute), warm = ws.filter((w) => !w.first_minute);
      const ratio = cpr(first) / cpr(warm);
      (summary[v] ??= []).push({ ratio, first: cpr(first), warm: cpr(warm) });
      say(`| ${v} | ${round} | ${f2(cpr(first))} | ${f2(cpr(warm))} | ${f2(ratio)}${goal(ratio, 1.5)} | ${f2(cpr(ws.filter((w) => w.window === 0)) / cpr(warm))} | ${f0(rps(first))} | ${f0(rps(warm))} | ${ws.reduce((a, w) => a + (w.errors || 0), 0)} |`);
    }
  }
  say();
  say('Per variant (median over rounds): ' + Object.entries(summary).map(([v, s]) => `${v}: first ÷ warmed **${f2(median(s.map((x) => x.ratio)))}**, first minute ${f2(median(s.map((x) => x.first)))} ms/request, warmed ${f2(median(s.map((x) => x.warm)))} ms/request`).join('; ') + '.');
  const base = summary['17'];
  if (base) say(`Against the plain Java 17 gateway warmed up (${f2(median(base.map((x) => x.warm)))} ms/request): ` + Object.entries(summary).map(([v, s]) => `${v} first minute ${f2(median(s.map((x) => x.first)) / median(base.map((x) => x.warm)))}×`).join(', ') + '.');
  say();
}
process.stdout.write(out.join('\n') + '\n');

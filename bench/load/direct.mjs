// Closed-loop load client of benchmark 3: the same front-end page ("20 events of a week with their
// participants' names") fetched either through the gateway (one GraphQL POST) or directly from the
// services with the minimal calls the gateway itself makes (GET /events, then one GET /actors?ids=
// for all participants of the page). Same client, same connections, same pages for both.
//
//   node direct.mjs gateway <gateway-url> <bodies.jsonl> <connections> <seconds>
//   node direct.mjs direct <events-base> <actors-base> <weeks.json> <connections> <seconds>
//
// Prints one line "WRKJSON {...}" like the wrk scripts: pages, duration, latency percentiles (µs),
// plus the client's own CPU time.
import http from 'node:http';
import fs from 'node:fs';

const mode = process.argv[2];
const args = process.argv.slice(3);
const [connections, seconds] = args.slice(-2).map(Number);
const agent = new http.Agent({ keepAlive: true, maxSockets: connections });

function request(url, method = 'GET', body = null) {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, agent, headers: body
      ? { 'content-type': 'application/json', accept: 'application/json', 'content-length': Buffer.byteLength(body) }
      : { accept: 'application/json' } }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (body) req.write(body);
    req.end();
  });
}

let page;
let firstError = null;
if (mode === 'gateway') {
  const [url, bodiesFile] = args;
  const bodies = fs.readFileSync(bodiesFile, 'utf8').split('\n').filter(Boolean);
  let i = 0;
  page = async () => {
    const r = await request(url, 'POST', bodies[i++ % bodies.length]);
    if (r.status !== 200) { firstError ??= `HTTP ${r.status}`; return false; }
    const json = JSON.parse(r.body);
    if (json.errors) { firstError ??= json.errors.map((e) => `${e.extensions?.code}: ${e.message}`).join('; '); return false; }
    return json.data?.events?.edges?.length >= 0;
  };
} else if (mode === 'direct') {
  const [eventsBase, actorsBase, weeksFile] = args;
  const weeks = JSON.parse(fs.readFileSync(weeksFile, 'utf8'));
  let i = 0;
  page = async () => {
    const [from, to] = weeks[i++ % weeks.length];
    const ev = await request(`${eventsBase}/events?from=${from}&to=${to}&limit=20&count=false`);
    if (ev.status !== 200) return false;
    const events = JSON.parse(ev.body).items;
    const ids = [...new Set(events.flatMap((e) => e.participants.map((p) => p.actorId)))];
    const ac = await request(`${actorsBase}/actors?ids=${ids.join(',')}`);
    if (ac.status !== 200) return false;
    const names = new Map(JSON.parse(ac.body).items.map((a) => [a.id, a.name]));
    // what the front end shows: each event with its participants' names
    const view = events.map((e) => ({ id: e.id, title: e.title, start: e.start,
      participants: e.participants.map((p) => ({ role: p.role, actor: { name: names.get(p.actorId) ?? null } })) }));
    return view.length >= 0;
  };
} else {
  console.error('usage: direct.mjs gateway|direct …');
  process.exit(2);
}

const latencies = [];
let errors = 0;
const cpu0 = process.cpuUsage();
const t0 = process.hrtime.bigint();
const end = t0 + BigInt(seconds * 1e9);
async function worker() {
  while (process.hrtime.bigint() < end) {
    const s = process.hrtime.bigint();
    let ok = false;
    try { ok = await page(); } catch { ok = false; }
    if (ok) latencies.push(Number(process.hrtime.bigint() - s) / 1000); else errors++;
  }
}
await Promise.all(Array.from({ length: connections }, worker));
const duration = Number(process.hrtime.bigint() - t0) / 1000;
const cpu = process.cpuUsage(cpu0);
latencies.sort((a, b) => a - b);
const pct = (p) => latencies.length ? Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p / 100))]) : 0;
const mean = latencies.reduce((a, b) => a + b, 0) / (latencies.length || 1);
console.log('WRKJSON ' + JSON.stringify({ requests: latencies.length, duration_us: Math.round(duration), errors, non2xx: 0,
  p50_us: pct(50), p95_us: pct(95), p99_us: pct(99), max_us: Math.round(latencies.at(-1) ?? 0), mean_us: Math.round(mean),
  client_cpu_ms: (cpu.user + cpu.system) / 1000, first_error: firstError }));
agent.destroy();

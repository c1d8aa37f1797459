// R1's read load (bench/faults.sh): CONNECTIONS loops POST one GraphQL query that needs both backends
// to the gateway, back to back, and append one JSON line per answer to OUT:
//   {"t0": sent (ms since epoch), "t1": answered, "status": HTTP status (0: no HTTP answer),
//    "cls": "full" | "partial" | "errors" | "bad", "codes": [extensions.code…], "services": [extensions.service…],
//    "messages": [distinct error messages]}
// full: data for every field and no error; partial: some data, and every error typed (extensions.code);
// errors: no data, every error typed; bad: anything else (untyped error, unreadable body, no answer).
// Bounded: stops at MAX_REQUESTS answers, after MAX_SECONDS, or as soon as STOP_FILE exists.
//
//   node faults-read.mjs URL OUT [CONNECTIONS=4] [MAX_SECONDS=300] [MAX_REQUESTS=200000] [STOP_FILE]
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';

const [url, out, connections = '4', maxSeconds = '300', maxRequests = '200000', stopFile = ''] = process.argv.slice(2);
if (!url || !out) {
  console.error('usage: node faults-read.mjs URL OUT [CONNECTIONS] [MAX_SECONDS] [MAX_REQUESTS] [STOP_FILE]');
  process.exit(2);
}
const u = new URL(url);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname)) {
  console.error(`faults-read: loopback only, not ${u.hostname}`);
  process.exit(2);
}

// The events and their participants' names (events-service, then actors-service in one batch), and a
// page of actors (actors-service alone): whichever backend is down, the other's part still answers.
const QUERY = `query R1 {
  events(first: 10) { edges { node { id title participants { role actor { name } } } } }
  actors(first: 5) { edges { node { id name } } }
}`;
const body = JSON.stringify({ query: QUERY, operationName: 'R1' });

function classify(status, json) {
  if (status !== 200 || json === null || typeof json !== 'object') return { cls: 'bad', codes: [], services: [], messages: [] };
  const errors = Array.isArray(json.errors) ? json.errors : [];
  const codes = errors.map((e) => e?.extensions?.code ?? null);
  const services = errors.map((e) => e?.extensions?.service).filter(Boolean);
  const typed = codes.every((c) => typeof c === 'string' && c.length > 0);
  const d = json.data;
  const events = d?.events?.edges;
  const actors = d?.actors?.edges;
  const complete = Array.isArray(events) && events.length > 0 && Array.isArray(actors) && actors.length > 0
    && events.every((e) => e?.node && e.node.participants.every((p) => p?.actor?.name));
  const anyData = d && (Array.isArray(events) || Array.isArray(actors));
  let cls;
  if (errors.length === 0) cls = complete ? 'full' : 'bad';
  else if (!typed) cls = 'bad';
  else cls = anyData ? 'partial' : 'errors';
  const messages = [...new Set(errors.map((e) => e?.message).filter(Boolean))];
  return { cls, codes, services: [...new Set(services)], messages };
}

const deadline = Date.now() + Number(maxSeconds) * 1000;
let answered = 0;
let buffer = [];
const flush = () => {
  if (buffer.length) appendFileSync(out, buffer.join(''));
  buffer = [];
};
const done = () => answered >= Number(maxRequests) || Date.now() >= deadline || (stopFile && existsSync(stopFile));

async function loop() {
  while (!done()) {
    const t0 = Date.now();
    let status = 0;
    let json = null;
    try {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body,
        signal: AbortSignal.timeout(15000),
      });
      status = res.status;
      const text = await res.text();
      try { json = JSON.parse(text); } catch { json = null; }
    } catch {
      status = 0; // refused, reset or timed out: no HTTP answer at all
      await new Promise((r) => setTimeout(r, 50)); // a dead gateway is not to be spun on
    }
    const c = classify(status, json);
    buffer.push(JSON.stringify({ t0, t1: Date.now(), status, ...c }) + '\n');
    answered++;
    if (buffer.length >= 200) flush();
  }
}

writeFileSync(out, '');
const timer = setInterval(flush, 1000);
await Promise.all(Array.from({ length: Number(connections) }, loop));
clearInterval(timer);
flush();
console.log(`faults-read: ${answered} answers`);

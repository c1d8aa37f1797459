// R2's write load (bench/faults.sh): a graphql-ws subscriber to eventRecorded, connected and proven live
// (it must see a probe event) before the load; then N recordEvent mutations through the gateway from
// CLIENTS concurrent clients, each with its own idempotencyKey, retried with the same key on any error
// or timeout until acknowledged (data.recordEvent.id, no error) or MAX_TRIES tries. Meanwhile
// bench/faults.sh restarts PostgreSQL; this script writes the number of acknowledged writes to
// PROGRESS so the restarts land mid-load. Afterwards it waits (bounded) until the subscriber has seen
// every acknowledged event, and writes a summary to OUT (JSON); the database check is the caller's.
//
//   node faults-write.mjs GATEWAY_URL PRIVATE_KEY_PEM RUN_ID OUT PROGRESS [N=300] [CLIENTS=4]
//                         [MAX_TRIES=30] [MAX_SECONDS=300]
//
// Without the idempotencyKey argument (a gateway from before issue 15) it says so in OUT
// ("idempotencyKey": false) and runs the same load without keys, so the figures show what retries
// without keys do; bench/faults.sh then fails R2 for the missing feature.
import { createSign, randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [gateway, keyFile, runId, out, progressFile, n = '300', clients = '4', maxTries = '30', maxSeconds = '300']
  = process.argv.slice(2);
if (!gateway || !keyFile || !runId || !out || !progressFile) {
  console.error('usage: node faults-write.mjs GATEWAY_URL PRIVATE_KEY_PEM RUN_ID OUT PROGRESS [N] [CLIENTS] [MAX_TRIES] [MAX_SECONDS]');
  process.exit(2);
}
const base = new URL(gateway);
if (!['127.0.0.1', 'localhost', '[::1]'].includes(base.hostname)) {
  console.error(`faults-write: loopback only, not ${base.hostname}`);
  process.exit(2);
}
const httpUrl = new URL('/graphql', base).toString();
const wsUrl = httpUrl.replace(/^http/, 'ws');
const N = Number(n);
const deadline = Date.now() + Number(maxSeconds) * 1000;
const log = (m) => console.log(`${new Date().toISOString().slice(11, 23)} faults-write: ${m}`);

// --- a token with role editor, signed with the suite's own key (as bin/parley-import does) ---------------
function token() {
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const input = `${b64({ alg: 'RS256', typ: 'JWT' })}.${b64({
    iss: process.env.PARLEY_JWT_ISSUER ?? 'parley', upn: 'bench-faults@localhost', groups: ['editor'],
    iat: now, exp: now + 3600, jti: randomUUID(),
  })}`;
  const signature = createSign('RSA-SHA256').update(input).sign(readFileSync(keyFile, 'utf8'));
  return `${input}.${signature.toString('base64url')}`;
}
const bearer = `Bearer ${token()}`;

// --- the subscriber ---------------------------------------------------------------------------------------
const sub = { connects: 0, closes: [], received: [], errors: [], completed: false };
const seen = new Map(); // event id -> times delivered
const wsClient = createClient({
  url: wsUrl,
  webSocketImpl: WebSocket,
  lazy: false,
  // A lost socket is reconnected (and the subscription made again), but counted: events recorded while
  // it was down are not replayed by a new subscription, so they would show as missed.
  retryAttempts: 5,
  shouldRetry: () => true,
  on: {
    connected: () => { sub.connects++; },
    closed: (e) => { sub.closes.push({ at: Date.now(), code: e?.code, reason: e?.reason }); },
  },
});
const probeSeen = {};
wsClient.subscribe({ query: 'subscription R2 { eventRecorded { id title } }' }, {
  next: (msg) => {
    if (msg.errors?.length) {
      sub.errors.push(...msg.errors.map((e) => ({ at: Date.now(), code: e?.extensions?.code ?? null, message: e?.message })));
    }
    const ev = msg.data?.eventRecorded;
    if (!ev) return;
    sub.received.push({ at: Date.now(), id: ev.id, title: ev.title });
    seen.set(ev.id, (seen.get(ev.id) ?? 0) + 1);
    if (ev.title.endsWith(' probe')) probeSeen[ev.id] = true;
  },
  error: (e) => {
    const list = Array.isArray(e) ? e : [e];
    sub.errors.push(...list.map((x) => ({ at: Date.now(), code: x?.extensions?.code ?? null,
      message: x?.message ?? x?.reason ?? String(x) })));
  },
  complete: () => { sub.completed = true; },
});

// --- the mutations ------------------------------------------------------------------------------------------
let keysSupported = true;
// The key is a literal, so the document holds whether the argument is declared String or ID.
const mutation = (key) => `mutation R2($input: EventInput!) { recordEvent(input: $input${key ? `, idempotencyKey: ${JSON.stringify(key)}` : ''}) { id title } }`;
const input = (title) => ({
  title, code: '042', start: '2025-10-01', status: 'OCCURRED', summary: `bench/faults.sh R2 ${runId}`,
  participants: [{ actorId: '00000000-0000-4000-8000-00000000a008', role: 'SOURCE' }],
});
const statuses = {};
const errorCodes = {};

async function post(title, key) {
  const res = await fetch(httpUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', authorization: bearer },
    body: JSON.stringify({ query: mutation(keysSupported ? key : null), variables: { input: input(title) } }),
    signal: AbortSignal.timeout(10000),
  });
  statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  const json = await res.json().catch(() => null);
  return { status: res.status, json };
}

/** One write, retried with its key until acknowledged; returns what it saw. */
async function write(i) {
  const title = `faults ${runId} ${i === 'probe' ? i : `#${i}`}`;
  const key = `faults-${runId}-${i}`;
  const w = { i, title, key, tries: 0, ackId: null, ids: [] };
  while (w.tries < Number(maxTries) && Date.now() < deadline) {
    w.tries++;
    try {
      const { status, json } = await post(title, key);
      const id = json?.data?.recordEvent?.id;
      if (id) w.ids.push(id);
      if (status === 200 && id && !json.errors?.length) {
        w.ackId = id;
        return w;
      }
      for (const e of json?.errors ?? [{ extensions: { code: `HTTP_${status}` } }]) {
        const c = e?.extensions?.code ?? 'UNTYPED';
        errorCodes[c] = (errorCodes[c] ?? 0) + 1;
      }
    } catch (e) {
      const c = e?.name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NO_ANSWER';
      errorCodes[c] = (errorCodes[c] ?? 0) + 1;
    }
    await new Promise((r) => setTimeout(r, Math.min(2000, 100 * 2 ** Math.min(w.tries, 5)) * (0.5 + Math.random())));
  }
  return w;
}

const waitFor = async (cond, ms) => {
  const until = Date.now() + ms;
  while (!cond() && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  return cond();
};

const startedAt = Date.now();
// Preflight: does recordEvent take idempotencyKey? A validation error naming it says no. (Its other
// failures do not matter here: the probe below is retried like every write.)
const preflight = await post(`faults ${runId} probe`, `faults-${runId}-probe`).catch(() => null);
if (preflight?.json?.errors?.some((e) => /idempotencyKey/.test(e?.message ?? ''))) {
  keysSupported = false;
  log('recordEvent has no idempotencyKey argument: running WITHOUT keys (R2 fails for the missing feature)');
}
const probe = await write('probe');
const probeId = probe.ackId;
if (!probeId) {
  writeFileSync(out, JSON.stringify({ fatal: `the probe mutation was not acknowledged in ${probe.tries} tries (errors: ${JSON.stringify(errorCodes)})` }));
  log('the probe mutation failed');
  process.exit(1);
}
const live = await waitFor(() => probeSeen[probeId], 15000);
log(live ? 'subscriber live (saw the probe event)' : 'subscriber did NOT see the probe event within 15 s');

let acked = 0;
let next = 0;
const results = [];
// replaced whole (rename), so the shell that polls it never reads a half-written file
const report = (text) => { writeFileSync(`${progressFile}.tmp`, text); renameSync(`${progressFile}.tmp`, progressFile); };
report('0\n');
const progress = setInterval(() => report(`${acked}\n`), 100);
await Promise.all(Array.from({ length: Number(clients) }, async () => {
  while (next < N && Date.now() < deadline) {
    const w = await write(next++);
    results.push(w);
    if (w.ackId) acked++;
  }
}));
clearInterval(progress);
report(`${acked}\ndone\n`);
const writesDoneAt = Date.now();
log(`${acked} of ${N} acknowledged`);

// Every acknowledged event should reach the subscriber; wait for the stragglers, bounded.
const ackIds = results.filter((w) => w.ackId).map((w) => w.ackId);
await waitFor(() => ackIds.every((id) => seen.has(id)) || sub.errors.length > 0, 30000);
const subscriberWaitMs = Date.now() - writesDoneAt;
await wsClient.dispose();

const ackSet = new Set(ackIds);
const ownTitle = new RegExp(`^faults ${runId} #\\d+$`);
const summary = {
  runId, n: N, clients: Number(clients), maxTries: Number(maxTries), idempotencyKey: keysSupported,
  startedAt, writesDoneAt, subscriberLive: !!live, subscriberWaitMs,
  acked, unacked: results.filter((w) => !w.ackId).map((w) => w.key),
  triesHistogram: results.reduce((h, w) => ({ ...h, [w.tries]: (h[w.tries] ?? 0) + 1 }), {}),
  // a retry that was answered with another event id than an earlier try: the key did not hold
  splitAnswers: results.filter((w) => new Set(w.ids).size > 1).map((w) => ({ key: w.key, ids: [...new Set(w.ids)] })),
  statuses, errorCodes,
  writes: results.map((w) => ({ title: w.title, key: w.key, ackId: w.ackId, tries: w.tries })),
  subscriber: {
    connects: sub.connects, closes: sub.closes, completed: sub.completed, errors: sub.errors,
    delivered: sub.received.filter((r) => ownTitle.test(r.title)).length,
    missedAcked: ackIds.filter((id) => !seen.has(id)),
    duplicates: [...seen].filter(([id, times]) => times > 1 && (ackSet.has(id) || id === probeId)).map(([id, times]) => ({ id, times })),
    unackedDelivered: sub.received.filter((r) => ownTitle.test(r.title) && !ackSet.has(r.id)).map((r) => r.title),
  },
};
writeFileSync(out, JSON.stringify(summary, null, 1));
log(`subscriber: ${summary.subscriber.delivered} delivered, ${summary.subscriber.missedAcked.length} acknowledged missed, ` +
  `${summary.subscriber.duplicates.length} duplicated, ${sub.errors.length} errors`);
process.exit(0);

// A fast fake of one Parley backend (actors-service or events-service) for benchmark 6, where both gateways
// run over the same mock backends, as the public gateway benchmarks run them over mock subgraphs: so that the
// gateways' own cost, not the services', decides the requests per second.
//
//   node bench/fake/backend.mjs <port> <upstream-url> <recordings.jsonl>
//
// It starts in RECORD mode: every request is passed to the real service at <upstream-url> and its answer (status,
// content type, body) is kept, keyed by method and URL. POST /__fake/replay switches to REPLAY mode: from then on
// only the recordings answer (a pre-encoded buffer, no upstream), in microseconds; a request never recorded is
// answered 502 and counted, so a gap in the recording shows up as errors, never as a silently faster run.
// GET /__fake/stats prints the counts. The recordings are also written to <recordings.jsonl> (for the record).
// Readiness (/q/health/*) is answered UP in replay mode; the change stream (/events/stream) stays open, silent.
import fs from 'node:fs';
import http from 'node:http';

const [portArg, upstream, file] = process.argv.slice(2);
const port = Number(portArg);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const recordings = new Map(); // key -> { status, headers, body: Buffer }
const stats = { mode: 'record', recorded: 0, replayed: 0, missed: 0, missedKeys: [] };
let replay = false;
const out = fs.createWriteStream(file, { flags: 'w' });

// The exact URL first; else the same parameters in another order (an id list in another order too: both gateways
// match answers to keys by id), so a gateway that orders a batch's keys differently still finds its answer.
const exactKey = (method, url) => `${method} ${url}`;
const looseKey = (method, url) => {
  const q = url.indexOf('?');
  if (q < 0) return exactKey(method, url);
  const params = new URLSearchParams(url.slice(q + 1));
  const pairs = [];
  for (const [k, v] of params) pairs.push(`${k}=${k === 'ids' ? v.split(',').sort().join(',') : v}`);
  return `${method} ${url.slice(0, q)}?${pairs.sort().join('&')}`;
};

function keep(method, url, status, headers, body) {
  const entry = { status, headers, body };
  recordings.set(exactKey(method, url), entry);
  recordings.set(looseKey(method, url), entry);
  stats.recorded++;
  out.write(JSON.stringify({ method, url, status, contentType: headers['content-type'], body: body.toString('utf8') }) + '\n');
}

function proxy(req, res, body) {
  const up = http.request(upstream + req.url, { method: req.method, agent, headers: { ...req.headers, host: new URL(upstream).host } }, (ur) => {
    const chunks = [];
    ur.on('data', (c) => chunks.push(c));
    ur.on('end', () => {
      const data = Buffer.concat(chunks);
      const headers = { 'content-type': ur.headers['content-type'] ?? 'application/json', 'content-length': data.length };
      if (req.method === 'GET' && !req.url.startsWith('/q/')) keep(req.method, req.url, ur.statusCode, headers, data);
      res.writeHead(ur.statusCode, headers).end(data);
    });
  });
  up.on('error', (e) => res.writeHead(502, { 'content-type': 'text/plain' }).end(String(e)));
  up.end(body);
}

const UP = Buffer.from('{"status":"UP","checks":[]}');

http.createServer({ keepAliveTimeout: 60_000 }, (req, res) => {
  if (req.url === '/__fake/replay' && req.method === 'POST') {
    replay = true;
    stats.mode = 'replay';
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ recordings: recordings.size }));
    return;
  }
  if (req.url === '/__fake/stats') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ ...stats, keys: recordings.size }));
    return;
  }
  if (req.url.startsWith('/events/stream')) {
    // the gateway's change stream (subscriptions): open and silent; nothing here changes
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    res.write(': fake backend, no changes\n\n');
    return;
  }
  if (!replay) {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => proxy(req, res, Buffer.concat(chunks)));
    return;
  }
  if (req.url.startsWith('/q/health')) {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': UP.length }).end(UP);
    return;
  }
  const hit = recordings.get(exactKey(req.method, req.url)) ?? recordings.get(looseKey(req.method, req.url));
  req.resume();
  if (hit) {
    stats.replayed++;
    res.writeHead(hit.status, hit.headers).end(hit.body);
  } else {
    stats.missed++;
    if (stats.missedKeys.length < 20) stats.missedKeys.push(exactKey(req.method, req.url));
    res.writeHead(502, { 'content-type': 'text/plain' }).end('not recorded: ' + req.method + ' ' + req.url);
  }
}).listen(port, () => process.stderr.write(`fake backend on :${port} for ${upstream}\n`));

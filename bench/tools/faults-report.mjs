// The fault suite's results (bench/faults.sh): reads what a scenario recorded, prints its Markdown
// section on stdout, and exits 0 when every goal of the scenario is met, 3 when one is missed.
//
//   node faults-report.mjs r1 ANSWERS.jsonl PHASES.txt OUTAGE_S [LOGS_DIR]
//   node faults-report.mjs r2 WRITER.json DB_ROWS.tsv PHASES.txt
//
// PHASES.txt: lines "WHAT MARK MS" written by bench/faults.sh (e.g. "actors kill 1764445000123").
import { readFileSync } from 'node:fs';

const [mode, ...args] = process.argv.slice(2);
const lines = [];
const say = (s = '') => lines.push(s);
const goals = [];
const goal = (name, met, detail) => goals.push({ name, met, detail });
const s1 = (ms) => (ms / 1000).toFixed(1);
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');

function phases(file) {
  const p = {};
  for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
    const [what, mark, ms] = line.split(/\s+/);
    (p[what] ??= {})[mark] = Number(ms);
  }
  return p;
}

function finish() {
  say();
  say('| goal | met | measured |');
  say('|---|---|---|');
  for (const g of goals) say(`| ${g.name} | ${g.met ? 'yes' : '**no**'} | ${g.detail} |`);
  console.log(lines.join('\n'));
  process.exit(goals.every((g) => g.met) ? 0 : 3);
}

// The restarted backend's access log (bench/faults.sh turns it on: "METHOD|PATH|STATUS|Nms" after the
// log's own timestamp, in UTC): the gateway's calls it served in the first seconds after readiness.
function served(logsDir, name, from, to) {
  let text;
  try { text = readFileSync(`${logsDir}/r1-${name}.log`, 'utf8'); } catch { return null; }
  const calls = [];
  for (const m of text.matchAll(/^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d),(\d{3}) .*access-log\S* \([^)]*\) (\w+)\|([^|]*)\|(\d{3})\|(\d+)ms$/gm)) {
    const at = Date.parse(`${m[1]}T${m[2]}.${m[3]}Z`);
    if (m[5].startsWith('/q/') || at < from || at >= to) continue;
    calls.push({ at, status: Number(m[6]), ms: Number(m[7]) });
  }
  return calls;
}

function r1([answersFile, phasesFile, outageS, logsDir]) {
  const answers = readFileSync(answersFile, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    .sort((a, b) => a.t1 - b.t1);
  const p = phases(phasesFile);
  const statuses = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  const fivexx = answers.filter((a) => a.status >= 500).length;
  const bad = answers.filter((a) => a.cls === 'bad');
  const span = answers.length ? answers.at(-1).t1 - answers[0].t0 : 0;
  say(`${answers.length} answers in ${s1(span)} s (${(answers.length / (span / 1000 || 1)).toFixed(0)}/s); ` +
    `HTTP status histogram: ${Object.entries(statuses).map(([s, c]) => `${s === '0' ? 'no answer' : s} × ${c}`).join(', ')}.`);
  say();
  say('| backend killed | outage (kill → ready) | start (restart → ready) | answers during the outage | full / partial / errors only / untyped | codes (service) | first full answer after ready | all answers full again after ready |');
  say('|---|---|---|---|---|---|---|---|');
  // one phase per kill, in order ("actors1", "events1", "actors2", …); each is judged up to the next kill
  const kills = Object.entries(p).sort(([, a], [, b]) => a.kill - b.kill);
  const notes = [];
  kills.forEach(([name, ph], k) => {
    const service = `${name.replace(/\d+$/, '')}-service`;
    if (!ph.kill || !ph.ready) {
      goal(`${name}: measured`, false, 'the phase did not run to its end');
      return;
    }
    const end = kills[k + 1]?.[1].kill ?? Infinity;
    const during = answers.filter((a) => a.t1 >= ph.kill && a.t1 < ph.ready);
    const by = (c) => during.filter((a) => a.cls === c).length;
    const codes = {};
    for (const a of during) for (const c of a.codes) codes[c] = (codes[c] ?? 0) + 1;
    const services = [...new Set(during.flatMap((a) => a.services))];
    const after = answers.filter((a) => a.t1 >= ph.ready && a.t1 < end);
    const firstFull = after.find((a) => a.cls === 'full');
    let lastNotFull = -1;
    after.forEach((a, i) => { if (a.cls !== 'full') lastNotFull = i; });
    const stable = after.slice(lastNotFull + 1).find((a) => a.cls === 'full');
    const firstMs = firstFull ? firstFull.t1 - ph.ready : null;
    const stableMs = stable ? stable.t1 - ph.ready : null;
    say(`| ${service} (kill -9, ${outageS} s down) | ${s1(ph.ready - ph.kill)} s | ${s1(ph.ready - ph.restart)} s | ${during.length} | ` +
      `${by('full')} / ${by('partial')} (${pct(by('partial'), during.length)}) / ${by('errors')} / ${by('bad')} | ` +
      `${Object.entries(codes).map(([c, n]) => `${c} × ${n}`).join(', ') || '–'} (${services.join(', ') || '–'}) | ` +
      `${firstMs === null ? 'none' : `${s1(firstMs)} s`} | ${stableMs === null ? 'never' : `${s1(stableMs)} s`} |`);
    const why = {};
    for (const a of after) if (a.cls !== 'full') for (const m of a.messages ?? []) why[m] = (why[m] ?? 0) + 1;
    const calls = logsDir ? served(logsDir, name, ph.restart, ph.ready + 10000) : null;
    if (calls) {
      const slow = calls.filter((c) => c.ms >= 1500).length;
      const early = calls.filter((c) => c.at < ph.ready + 5000).map((c) => c.ms);
      notes.push(`${name}: ${service} served ${calls.length} gateway calls from its start to 10 s after readiness; ` +
        `until 5 s after readiness ${early.length}${early.length ? ` taking ${early.slice(0, 8).join(', ')}${early.length > 8 ? ', …' : ''} ms` : ''}; ` +
        `${slow} took 1.5 s or more (the gateway's read timeout)`);
    }
    if (Object.keys(why).length) notes.push(`${name}: errors after ${service} was ready: ${Object.entries(why).map(([m, c]) => `"${m}" × ${c}`).join(', ')}`);
    goal(`${name}: ${service} down: partial data with typed errors`, during.length > 0 && by('bad') === 0
      && services.includes(service) && (codes.UPSTREAM_UNAVAILABLE ?? 0) > 0,
    `${by('partial') + by('errors')} of ${during.length} answers carry errors, all typed; ${by('partial')} with partial data; codes ${Object.keys(codes).join(', ') || 'none'}`);
    goal(`${name}: ${service} back: only full answers within 5 s of its readiness`, stableMs !== null && stableMs <= 5000,
      stableMs === null ? 'not before the next fault' : `${s1(stableMs)} s (first full answer after ${s1(firstMs)} s)`);
  });
  if (notes.length) {
    say();
    for (const n of notes) say(`- ${n}`);
  }
  goal('0 HTTP 5xx from the gateway', fivexx === 0, `${fivexx} of ${answers.length}`);
  goal('no untyped error, unreadable or missing answer', bad.length === 0, `${bad.length} of ${answers.length}`);
  finish();
}

function r2([writerFile, rowsFile, phasesFile]) {
  const w = JSON.parse(readFileSync(writerFile, 'utf8'));
  const p = phases(phasesFile);
  if (w.fatal) {
    say(`R2 did not run: ${w.fatal}`);
    goal('R2 ran', false, w.fatal);
    finish();
  }
  // title \t rows \t ids (comma-separated)
  const rows = new Map(readFileSync(rowsFile, 'utf8').split('\n').filter(Boolean).map((l) => {
    const [title, count, ids] = l.split('\t');
    return [title, { count: Number(count), ids: ids ? ids.split(',') : [] }];
  }));
  const acked = w.writes.filter((x) => x.ackId);
  const ackedOnce = acked.filter((x) => rows.get(x.title)?.count === 1 && rows.get(x.title).ids[0] === x.ackId);
  const ackedMissing = acked.filter((x) => !rows.get(x.title));
  const dupTitles = [...rows].filter(([, r]) => r.count > 1);
  const unackedInDb = w.writes.filter((x) => !x.ackId && rows.get(x.title)).length;
  const tries = Object.entries(w.triesHistogram).map(([t, c]) => `${t} × ${c}`).join(', ');
  const retried = w.writes.filter((x) => x.tries > 1).length;
  say(`${w.n} \`recordEvent\` mutations from ${w.clients} clients, each retried with its own key up to ${w.maxTries} tries` +
    `${w.idempotencyKey ? '' : ' (**without** keys: this gateway\'s `recordEvent` has no `idempotencyKey` argument)'}; ` +
    `writes took ${s1(w.writesDoneAt - w.startedAt)} s. Tries per write: ${tries} (${retried} writes retried). ` +
    `HTTP statuses: ${Object.entries(w.statuses).map(([s, c]) => `${s} × ${c}`).join(', ')}; errors seen by the clients: ` +
    `${Object.entries(w.errorCodes).map(([c, n]) => `${c} × ${n}`).join(', ') || 'none'}.`);
  say();
  const restarts = Object.entries(p).filter(([k]) => k.startsWith('restart')).sort(([, a], [, b]) => a.begin - b.begin);
  say('| PostgreSQL restart | mode | at (acknowledged writes so far) | pg_ctl took | services ready again after (actors / events / gateway) |');
  say('|---|---|---|---|---|');
  for (const [name, r] of restarts) {
    const ready = ['actors', 'events', 'gateway'].map((s) => (r[`ready_${s}`] ? `${s1(r[`ready_${s}`] - r.done)} s` : '**not ready**'));
    say(`| ${name} | ${r.mode === 1 ? 'fast' : 'immediate'} | ${r.acked} | ${s1(r.done - r.begin)} s | ${ready.join(' / ')} |`);
  }
  say();
  const s = w.subscriber;
  const resync = s.errors.filter((e) => e.code === 'RESYNC_REQUIRED');
  say(`Subscriber (\`eventRecorded\` over graphql-transport-ws, connected and proven live before the load: ${w.subscriberLive ? 'yes' : '**no**'}): ` +
    `${s.delivered} of the run's events delivered, ${s.missedAcked.length} acknowledged events missed, ${s.duplicates.length} delivered twice, ` +
    `${s.unackedDelivered.length} unacknowledged writes delivered (they are in the database); socket connects ${s.connects}, closes ${s.closes.length}; ` +
    `errors ${s.errors.length ? s.errors.map((e) => e.code ?? e.message).join(', ') : 'none'}` +
    `${s.completed ? '; the subscription was completed by the server' : ''}.`);
  goal('recordEvent takes an idempotencyKey', w.idempotencyKey, w.idempotencyKey ? 'yes' : 'no: the argument is missing (issue 15 idempotency not in this build)');
  goal('every acknowledged write in the database exactly once', ackedOnce.length === acked.length,
    `${ackedOnce.length} of ${acked.length} acknowledged (of ${w.n}); ${ackedMissing.length} acknowledged but absent; ` +
    `${acked.length - ackedOnce.length - ackedMissing.length} acknowledged with another id or twice`);
  goal('no write stored twice (acknowledged or not)', dupTitles.length === 0,
    `${dupTitles.length} titles with more than one row${dupTitles.length ? ` (e.g. ${dupTitles[0][0]} × ${dupTitles[0][1].count})` : ''}; ` +
    `${unackedInDb} unacknowledged writes are in the database once`);
  goal('a retry answers with the first write\'s id', w.splitAnswers.length === 0, `${w.splitAnswers.length} writes answered with two ids`);
  goal('every write acknowledged within its tries', w.unacked.length === 0, `${w.unacked.length} not acknowledged`);
  goal('services ready again unaided after each restart', restarts.length > 0 && restarts.every(([, r]) => r.ready_actors && r.ready_events && r.ready_gateway),
    restarts.map(([name, r]) => `${name}: ${['actors', 'events', 'gateway'].every((x) => r[`ready_${x}`]) ? `${s1(Math.max(r.ready_actors, r.ready_events, r.ready_gateway) - r.done)} s` : 'not ready'}`).join('; '));
  goal('subscriber saw every acknowledged event exactly once (or an explicit resync signal)',
    w.subscriberLive && ((s.missedAcked.length === 0 && s.duplicates.length === 0) || resync.length > 0),
    resync.length > 0 ? `RESYNC_REQUIRED after ${s.delivered} events (${s.missedAcked.length} missed)`
      : `${s.missedAcked.length} missed, ${s.duplicates.length} duplicated`);
  finish();
}

if (mode === 'r1') r1(args);
else if (mode === 'r2') r2(args);
else {
  console.error('usage: node faults-report.mjs r1|r2 …');
  process.exit(2);
}

// Summarises `jfr print --events jdk.ExecutionSample <file>` (stdin) as a Markdown section: where
// the gateway's CPU samples fall: top leaf frames, and the share of samples whose stack passes
// through each major library (inclusive). Print with `--stack-depth 256`: jfr's default of 5 frames hides
// most callers, and the inclusive shares would count only what is in the top 5.
//
//   jfr print --stack-depth 256 --events jdk.ExecutionSample f.jfr | node jfr-summary.mjs [gateway|gwfake]
import fs from 'node:fs';

const which = process.argv[2] ?? 'gateway';

const text = fs.readFileSync(0, 'utf8');
const samples = [];
for (const block of text.split(/\njdk\.ExecutionSample \{/).slice(0)) {
  const m = block.match(/stackTrace = \[\n([\s\S]*?)\n\s*\]/);
  if (!m) continue;
  const frames = m[1].split('\n').map((l) => l.trim().replace(/\s+line: \d+.*$/, '')).filter((l) => l && l !== '...');
  const thread = (block.match(/sampledThread = "([^"]*)"/) ?? [])[1] ?? '?';
  samples.push({ frames, thread: thread.replace(/-\d+$/, '-N') });
}
const n = samples.length;
const pct = (k) => `${(100 * k / Math.max(1, n)).toFixed(1)} %`;
const top = (map, k) => [...map.entries()].sort((a, b) => b[1] - a[1]).slice(0, k);
const count = (key) => { const m = new Map(); for (const s of samples) { const v = key(s); if (v) m.set(v, (m.get(v) ?? 0) + 1); } return m; };

const out = [];
out.push(which === 'gwfake'
  ? '## Profile: the gateway over the fake backends under the page query (JFR, benchmark 6)'
  : '## Profile: the gateway under the page query (JFR)');
out.push('');
out.push(`${n} execution samples (JFR \`profile\` settings, one load phase of the page query, see Commands).`);
out.push('');
out.push('Share of samples whose stack passes through … (inclusive; a sample can count for several):');
out.push('');
out.push('| code | samples |');
out.push('|---|---|');
const libs = [
  ['graphql-java (all)', /^graphql\./],
  ['… graphql-java parsing (`graphql.parser`, ANTLR)', /^graphql\.(parser|org\.antlr)\./],
  ['… graphql-java validation', /^graphql\.validation\./],
  ['… graphql-java execution', /^graphql\.execution\./],
  ['SmallRye GraphQL', /^io\.smallrye\.graphql\./],
  ['Jackson (JSON)', /^com\.fasterxml\.jackson\./],
  ['JSON-B / Yasson / Parsson', /^(org\.eclipse\.yasson|org\.eclipse\.parsson|jakarta\.json)/],
  ['REST client (RESTEasy Reactive client)', /^org\.jboss\.resteasy\.reactive\.client\./],
  ['SmallRye Fault Tolerance', /^io\.smallrye\.faulttolerance\./],
  ['Vert.x / Netty (HTTP, event loop)', /^(io\.vertx|io\.netty)\./],
  ['Mutiny', /^io\.smallrye\.mutiny\./],
  ['Parley gateway code', /^org\.parley\./],
  ['Micrometer (metrics)', /^io\.micrometer\./],
  ['OpenTelemetry (tracing)', /^io\.opentelemetry\./],
  ['ArC (CDI: contexts, events, lookups)', /^io\.quarkus\.arc\./],
  ['SmallRye Context Propagation', /^io\.smallrye\.context\./],
];
for (const [name, re] of libs) {
  const k = samples.filter((s) => s.frames.some((f) => re.test(f))).length;
  out.push(`| ${name} | ${pct(k)} |`);
}
out.push('');
// Self time by library: the inclusive shares above nest (the REST client runs inside Fault Tolerance's callbacks,
// everything inside context propagation), so they do not say what removing a library would save. Here each sample
// counts once, for the library of its first frame outside the JDK (JDK work is charged to the code that asked).
out.push('Self time by library (each sample once: the library of its first frame outside the JDK):');
out.push('');
out.push('| code | samples |');
out.push('|---|---|');
const jdk = /^(java\.|jdk\.|sun\.|javax\.)/;
const selfLibs = [
  ...libs.filter(([name]) => !name.startsWith('…')),
  ['java-dataloader', /^org\.dataloader\./],
  ['logging (JBoss LogManager)', /^org\.jboss\.log/],
  ['other Quarkus', /^io\.quarkus\./],
  ['other RESTEasy Reactive', /^org\.jboss\.resteasy\./],
];
for (const [name, k] of top(count((s) => {
  const f = s.frames.find((x) => !jdk.test(x));
  return f ? (selfLibs.find(([, re]) => re.test(f)) ?? ['other'])[0] : 'JDK only';
}), 20)) out.push(`| ${name} | ${pct(k)} |`);
out.push('');
out.push('Top leaf frames (where the CPU was when sampled):');
out.push('');
out.push('| frame | samples |');
out.push('|---|---|');
for (const [f, k] of top(count((s) => s.frames[0]), 15)) out.push(`| \`${f}\` | ${pct(k)} |`);
out.push('');
// Inclusive by method: the frames that most samples pass through, below the event loop's own plumbing.
out.push('Top methods by inclusive share (a sample counts once per method on its stack; generic plumbing left out):');
out.push('');
out.push('| method | samples |');
out.push('|---|---|');
const plumbing = /^(java\.|jdk\.|sun\.|io\.netty\.|io\.vertx\.core\.|io\.smallrye\.mutiny\.|io\.smallrye\.context\.|io\.quarkus\.vertx\.|io\.vertx\.ext\.web\.impl\.)/;
const inclusive = new Map();
for (const s of samples) for (const f of new Set(s.frames)) if (!plumbing.test(f)) inclusive.set(f, (inclusive.get(f) ?? 0) + 1);
for (const [f, k] of top(inclusive, 25)) out.push(`| \`${f}\` | ${pct(k)} |`);
out.push('');
out.push('Top frames of the gateway\'s own code (first `org.parley` frame of each sample):');
out.push('');
out.push('| frame | samples |');
out.push('|---|---|');
for (const [f, k] of top(count((s) => s.frames.find((x) => x.startsWith('org.parley.'))), 10)) out.push(`| \`${f}\` | ${pct(k)} |`);
out.push('');
out.push('Threads: ' + top(count((s) => s.thread), 6).map(([t, k]) => `${t} ${pct(k)}`).join(', ') + '.');
process.stdout.write(out.join('\n') + '\n');

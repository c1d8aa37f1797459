// Reads auto_explain entries (server log excerpt) on stdin and prints those of event statements:
// the query text and its plan with actual times, without the log prefixes.
import fs from 'node:fs';

const text = fs.readFileSync(0, 'utf8');
const entries = text.split(/\n(?=\S.*LOG:  duration: )/).filter((e) => e.includes('plan:'));
const out = [];
for (const e of entries) {
  const lines = e.split('\n');
  const duration = (lines[0].match(/duration: ([0-9.]+ ms)/) ?? [])[1];
  const body = lines.slice(1).map((l) => l.replace(/^\t/, '')).join('\n').trimEnd();
  // only the event queries, not health checks or the LISTEN connection
  if (!/\bevent(_participant)?\b/.test(body) || /pg_notify|LISTEN/i.test(body)) continue;
  out.push(`-- statement took ${duration} (auto_explain, analyze, buffers)\n${body}`);
}
process.stdout.write(out.join('\n\n') + '\n');

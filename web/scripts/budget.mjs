// The size budget, checked by every build: the JavaScript a first page load needs (index.html's
// module scripts and their modulepreloads) must stay within BUDGET_KB gzipped. Lazy chunks (map,
// graph, chart, other views) are listed but not counted. Exits non-zero over budget.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = Number(process.env.PARLEY_WEB_BUDGET_KB ?? 250);
const dist = new URL('../dist/', import.meta.url).pathname;
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const initial = new Set(
  [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/?([^"]+\.js)"/g)].map((m) => m[1]),
);
if (!initial.size) {
  console.error('budget: no script found in dist/index.html');
  process.exit(1);
}
const kb = (n) => (n / 1024).toFixed(1);
const rows = readdirSync(join(dist, 'assets'))
  .filter((f) => f.endsWith('.js') || f.endsWith('.css') || f.endsWith('.json'))
  .map((f) => {
    const bytes = readFileSync(join(dist, 'assets', f));
    return { file: `assets/${f}`, raw: bytes.length, gz: gzipSync(bytes, { level: 9 }).length };
  })
  .sort((a, b) => b.gz - a.gz);
let total = 0;
console.log('budget: file                                   raw KB   gzip KB');
for (const r of rows) {
  const counted = initial.has(r.file);
  if (counted) total += r.gz;
  console.log(`budget: ${r.file.padEnd(38)} ${kb(r.raw).padStart(7)} ${kb(r.gz).padStart(8)}  ${counted ? 'initial' : r.file.endsWith('.js') ? 'lazy' : ''}`);
}
console.log(`budget: initial JavaScript ${kb(total)} KB gzipped (budget ${BUDGET_KB} KB)`);
if (total > BUDGET_KB * 1024) {
  console.error(`budget: OVER BUDGET by ${kb(total - BUDGET_KB * 1024)} KB: lazy-load more (dynamic import) or drop a dependency`);
  process.exit(1);
}

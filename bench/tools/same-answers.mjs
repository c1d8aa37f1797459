// Sends every distinct body of the given files (one JSON request a line) to two GraphQL endpoints and compares
// the answers byte for byte (status and body; up to 3 tries while either differs or carries errors).
//   node bench/tools/same-answers.mjs URL_A URL_B FILE...   (prints one JSON summary line)
import fs from 'node:fs';
const [a, b, ...files] = process.argv.slice(2);
const bodies = [...new Set(files.flatMap((f) => fs.readFileSync(f, 'utf8').split('\n').filter(Boolean)))];
const post = async (url, body) => {
  const r = await fetch(url, { method: 'POST', body, headers: { 'content-type': 'application/json', accept: 'application/json' } });
  return r.status + ' ' + (await r.text());
};
let same = 0, differ = 0, errors = 0, bytes = 0;
for (const body of bodies) {
  let x, y;
  for (let i = 0; i < 3; i++) {
    x = await post(a, body); y = await post(b, body);
    if (x === y && !x.includes('"errors"')) break;
  }
  if (x.includes('"errors"') || y.includes('"errors"')) errors++;
  if (x === y) { same++; bytes += x.length; } else { differ++; if (differ <= 3) console.log('DIFF', body.slice(0, 200), '\n A:', x.slice(0, 300), '\n B:', y.slice(0, 300)); }
}
console.log(JSON.stringify({ bodies: bodies.length, same, differ, withErrors: errors, bytesCompared: bytes }));

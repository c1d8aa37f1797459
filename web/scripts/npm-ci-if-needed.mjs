// `npm ci`, unless node_modules was installed by `npm ci` from this very package-lock.json (its
// sha256 is kept in node_modules/.parley-lock-sha256 after a successful install). npm ci always
// deletes node_modules first (a minute on this machine); an unchanged lockfile needs none of that.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const root = new URL('..', import.meta.url).pathname;
const stamp = `${root}node_modules/.parley-lock-sha256`;
const lockHash = createHash('sha256').update(readFileSync(`${root}package-lock.json`)).digest('hex');

if (existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === lockHash && existsSync(`${root}node_modules/.package-lock.json`)) {
  console.log('web: node_modules matches package-lock.json, npm ci skipped');
  process.exit(0);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
writeFileSync(stamp, `${lockHash}\n`);

// Builds the web app before `npm start` when dist/web is missing or older than its sources.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const built = 'dist/web/index.html';
const sources = Math.max(newest('src/web'), newest('src/shared'), statSync('vite.config.ts').mtimeMs, statSync('package-lock.json').mtimeMs);
if (!existsSync(built) || statSync(built).mtimeMs < sources) {
  process.stdout.write('Building the web app (npm run build)…\n');
  execFileSync('npm', ['run', '--silent', 'build'], { stdio: 'inherit' });
} else {
  process.stdout.write('Web app is up to date (dist/web).\n');
}

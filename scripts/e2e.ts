// The browser lane of `npm test`: Playwright with Debian's Chromium (never a downloaded browser).
// Mandatory under CI=true; elsewhere skipped, with a line saying so, when no Chromium is installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter((p): p is string => !!p);
  for (const c of candidates) if (existsSync(c)) return c;
  try {
    return execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

const chromium = findChromium();
if (!chromium) {
  if (process.env.CI === 'true') {
    console.error('CI=true: the browser lane is mandatory but no Chromium was found (apt-get install chromium)');
    process.exit(1);
  }
  console.log('Browser lane SKIPPED: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)');
  process.exit(0);
}

execFileSync('node', ['--import', 'tsx', 'scripts/ensure-web-build.ts'], { stdio: 'inherit' });
const run = spawnSync('npx', ['playwright', 'test', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: chromium } });
process.exit(run.status ?? 1);

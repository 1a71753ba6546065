// After `vite build`: the JavaScript a browser must load before the sign-in and home pages can
// render (the entry chunk and everything it imports statically), gzip-compressed, against the
// 250 KB budget. Lazy route chunks are listed separately; Vite's own table above shows every file.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

type Chunk = { file: string; isEntry?: boolean; imports?: string[]; dynamicImports?: string[]; css?: string[] };
const root = 'dist/web';
const manifest = JSON.parse(readFileSync(join(root, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
const gz = (file: string) => gzipSync(readFileSync(join(root, file))).length;
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const entryKey = Object.keys(manifest).find((k) => manifest[k]?.isEntry);
if (!entryKey) throw new Error('no entry chunk in the Vite manifest');
const initial = new Set<string>();
const walk = (key: string) => {
  if (initial.has(key)) return;
  initial.add(key);
  for (const i of manifest[key]?.imports ?? []) walk(i);
};
walk(entryKey);

const files = [...initial].map((k) => manifest[k]?.file ?? k);
const js = files.reduce((s, f) => s + gz(f), 0);
const css = [...new Set([...initial].flatMap((k) => manifest[k]?.css ?? []))].reduce((s, f) => s + gz(f), 0);
const budget = 250 * 1024;
const lazy = Object.entries(manifest).filter(([k, c]) => !initial.has(k) && c.file.endsWith('.js'));

console.log('\nInitial load (sign-in and My week):');
for (const f of files) console.log(`  ${f.padEnd(44)} ${kb(gz(f)).padStart(9)} gzip`);
console.log(`  JavaScript total ${kb(js)} gzip of a ${kb(budget)} budget (${((js / budget) * 100).toFixed(0)}%); CSS ${kb(css)} gzip`);
console.log(`Loaded on demand: ${lazy.length} chunks, ${kb(lazy.reduce((s, [, c]) => s + gz(c.file), 0))} gzip in all (route pages, dialogs, the command palette)`);
if (js > budget) {
  console.error(`Initial JavaScript is over budget by ${kb(js - budget)}`);
  process.exit(1);
}

// Reports the gzipped size of every built asset and fails the build when the JavaScript the
// first screen loads (the entry chunk and its static imports; lazy chunks excluded) exceeds the budget,
// or when any of it comes from the restaurant console (which only loads lazily under /console).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const budgetBytes = 100 * 1000;
// The console's folders, as in tests/architecture.test.ts, and the libraries only the console uses (the chart).
const consoleModule =
  /^(src\/(app\/console|features\/account|features\/restaurant|features\/insight|lib\/console|components\/console)|node_modules\/uplot)\//;

const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8'));
const gzipped = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

const entry = Object.values(manifest).find((chunk) => chunk.isEntry);
if (!entry) throw new Error('No entry chunk in dist/.vite/manifest.json');

const firstScreen = new Set();
const visit = (chunk) => {
  if (firstScreen.has(chunk.file)) return;
  firstScreen.add(chunk.file);
  for (const key of chunk.imports ?? []) visit(manifest[key]);
};
visit(entry);

console.log('\nBuilt assets (gzipped):');
for (const file of readdirSync(join(dist, 'assets')).sort()) {
  const path = `assets/${file}`;
  const tag = firstScreen.has(path) ? 'first screen' : file.endsWith('.js') ? 'lazy' : '';
  console.log(`  ${path.padEnd(40)} ${kb(gzipped(path)).padStart(9)}  ${tag}`);
}

const firstScreenJs = [...firstScreen].filter((file) => file.endsWith('.js'));
const total = firstScreenJs.reduce((sum, file) => sum + gzipped(file), 0);
console.log(`\nFirst screen JavaScript: ${kb(total)} gzipped (budget ${kb(budgetBytes)}).`);
if (total > budgetBytes) {
  console.error('Over budget: move something into a lazy chunk or drop a dependency.');
  process.exit(1);
}

// Written by the chunk-modules plugin in vite.config.ts.
const chunkModules = JSON.parse(readFileSync(join(dist, '.vite/chunk-modules.json'), 'utf8'));
const consoleOnFirstScreen = firstScreenJs.flatMap((file) => {
  const modules = chunkModules[file];
  if (!modules) throw new Error(`No module list for ${file} in dist/.vite/chunk-modules.json`);
  return modules.filter((module) => consoleModule.test(module)).map((module) => `${file}: ${module}`);
});
const consoleChunks = Object.entries(chunkModules).filter(([, modules]) => modules.some((m) => consoleModule.test(m)));
if (consoleChunks.length === 0) {
  console.error('No chunk holds console code: the check below would prove nothing (did the folders move?).');
  process.exit(1);
}
if (consoleOnFirstScreen.length > 0) {
  console.error(`The diner's first screen contains console code:\n  ${consoleOnFirstScreen.join('\n  ')}`);
  console.error('Import the console only through the lazy route in src/app/App.tsx.');
  process.exit(1);
}
console.log(`No console code on the first screen (${consoleChunks.length} lazy console chunk(s)).`);

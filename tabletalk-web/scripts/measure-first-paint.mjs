// Measures the diner's first contentful paint on a cold load of the built site, in the system Chromium:
//   node scripts/measure-first-paint.mjs [dist-folder] [runs]
// It serves the folder itself on a free loopback port (index.html for every page, as the CDN does), opens the
// home page and a table's welcome page in a fresh browser context each run (empty cache, no service worker yet),
// with a mid-range phone's network (Chromium's "Fast 4G": 150 ms round trip, 9 Mbit/s down) and a 4× slower CPU,
// and prints the median and worst first contentful paint, and the bytes each page loaded.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve } from 'node:path';
import { launchChromium } from './chromium.mjs';

const dist = resolve(process.argv[2] ?? new URL('../dist/', import.meta.url).pathname);
const runs = Number(process.argv[3] ?? 9);
const pages = ['/', '/t/demo-1'];
const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run npm run build first.`);
  process.exit(1);
}

const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
  let file = join(dist, path);
  if (!file.startsWith(dist) || !existsSync(file) || statSync(file).isDirectory()) file = join(dist, 'index.html');
  response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(response);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await launchChromium();

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

try {
  console.log(`First contentful paint of ${dist}, ${runs} cold loads per page (Fast 4G, CPU 4× slower):`);
  for (const page of pages) {
    const paints = [];
    let bytes = 0;
    for (let run = 0; run < runs; run++) {
      const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 150,
        downloadThroughput: (9 * 1024 * 1024) / 8,
        uploadThroughput: (1.5 * 1024 * 1024) / 8,
      });
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
      let loaded = 0;
      cdp.on('Network.loadingFinished', (event) => (loaded += event.encodedDataLength));
      // Only the site is timed: any API call is answered at once, with nothing.
      await tab.route('**/api/**', (route) => route.fulfill({ status: 503, body: '' }));
      await tab.goto(origin + page, { waitUntil: 'load' });
      const paint = await tab.evaluate(
        () =>
          new Promise((done) => {
            const seen = performance.getEntriesByName('first-contentful-paint')[0];
            if (seen) return done(seen.startTime);
            new PerformanceObserver((list) => done(list.getEntries()[0].startTime)).observe({
              type: 'paint',
              buffered: true,
            });
          }),
      );
      paints.push(paint);
      bytes = loaded;
      await context.close();
    }
    console.log(
      `  ${page.padEnd(12)} median ${median(paints).toFixed(0)} ms, worst ${Math.max(...paints).toFixed(0)} ms, ` +
        `${(bytes / 1000).toFixed(1)} kB over the network`,
    );
  }
} finally {
  await browser.close();
  server.close();
}

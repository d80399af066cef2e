/**
 * `npm run screenshots`: builds Storybook (the npm script does), serves storybook-static, starts the
 * demo storefront, and saves PNGs of the main stories and the demo to test-results/screenshots/.
 * It also refreshes the README image (stories/assets/storefront.png) from the "All three together" story.
 */
import { createReadStream, existsSync, mkdirSync, statSync, copyFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { createServer as createViteServer } from 'vite';
import { chromiumArgs, chromiumExecutablePath } from '../test/browser/chromium';

const root = resolve(import.meta.dirname, '..');
const staticDir = join(root, 'storybook-static');
const outDir = join(root, 'test-results/screenshots');
const readmeImage = join(root, 'stories/assets/storefront.png');

const shots: Array<{ file: string; path: string; waitFor: string }> = [
  // Every element has its own secret once the buy button (the last to get one) carries it.
  { file: 'storefront-all-three.png', path: 'iframe.html?id=scenarios-storefront--all-three&viewMode=story', waitFor: 'stripe-buy-button[customer-session-client-secret]' },
  { file: 'buy-button-grid.png', path: 'iframe.html?id=scenarios-buy-button-grid--scroll-to-mint&viewMode=story', waitFor: 'stripe-buy-button[customer-session-client-secret]' },
  { file: 'payment-element-limit-10.png', path: 'iframe.html?id=scenarios-payment-element-features--redisplay-limit-10&viewMode=story', waitFor: '[aria-label="Saved payment methods"]' },
  { file: 'payment-element-remove.png', path: 'iframe.html?id=scenarios-payment-element-features--remove-enabled&viewMode=story', waitFor: '[aria-label="Saved payment methods"]' },
  { file: 'payment-element-filter-limited.png', path: 'iframe.html?id=scenarios-payment-element-features--filter-limited&viewMode=story', waitFor: '[aria-label="Saved payment methods"]' },
  { file: 'design-system.png', path: 'iframe.html?id=scenarios-design-system--wrapped&viewMode=story', waitFor: '[aria-label="Saved payment methods"]' },
  { file: 'payment-element-save.png', path: 'iframe.html?id=scenarios-payment-element-features--save-off-session&viewMode=story', waitFor: '[data-status="ready"]' },
  { file: 'disabled-by-session.png', path: 'iframe.html?id=scenarios-storefront--disabled-by-session&viewMode=story', waitFor: '[data-status="ready"]' },
  { file: 'stripe-error.png', path: 'iframe.html?id=scenarios-session-states--stripe-error-body&viewMode=story', waitFor: '[data-status="error"]' },
  { file: 'invalid-limit.png', path: 'iframe.html?id=scenarios-session-states--invalid-redisplay-limit&viewMode=story', waitFor: '[data-status="error"]' },
  { file: 'pending.png', path: 'iframe.html?id=scenarios-session-states--pending&viewMode=story', waitFor: '[data-status="pending"]' },
  { file: 'introduction.png', path: 'iframe.html?id=introduction--docs&viewMode=docs', waitFor: '#storybook-docs h1' },
  { file: 'docs-pricing-table.png', path: 'iframe.html?id=components-pricingtable--docs&viewMode=docs', waitFor: '[data-status="ready"]' },
  { file: 'manager.png', path: '?path=/story/scenarios-storefront--all-three', waitFor: '#storybook-preview-iframe' },
];

const types: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

function serveStatic(dir: string): Promise<Server> {
  const server = createHttpServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = join(dir, pathname);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    if (statSync(file).isDirectory()) file = join(file, 'index.html');
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

async function settle(page: Page, selector: string): Promise<void> {
  await page.waitForSelector(selector, { timeout: 60_000 });
  await page.waitForTimeout(600);
}

if (!existsSync(join(staticDir, 'iframe.html'))) throw new Error('Run `npm run build-storybook` first (npm run screenshots does).');
mkdirSync(outDir, { recursive: true });

const storybook = await serveStatic(staticDir);
const storybookUrl = `http://127.0.0.1:${(storybook.address() as AddressInfo).port}/`;
delete process.env.STRIPE_SECRET_KEY; // the demo screenshot is of the offline demo
const demo = await createViteServer({ configFile: join(root, 'demo/vite.config.ts'), server: { port: 0, host: '127.0.0.1' }, logLevel: 'warn' });
await demo.listen();
const demoUrl = `http://127.0.0.1:${(demo.httpServer?.address() as AddressInfo).port}/`;

const browser = await chromium.launch({ executablePath: chromiumExecutablePath, args: chromiumArgs });
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  for (const shot of shots) {
    await page.goto(storybookUrl + shot.path);
    if (shot.file === 'manager.png') {
      const frame = page.frameLocator('#storybook-preview-iframe');
      await frame.locator('[data-status="ready"]').waitFor({ timeout: 60_000 });
      await page.waitForTimeout(800);
      await page.screenshot({ path: join(outDir, shot.file) });
    } else {
      await settle(page, shot.waitFor);
      await page.screenshot({ path: join(outDir, shot.file), fullPage: true });
    }
    console.log(`saved ${shot.file}`);
  }
  await page.goto(demoUrl);
  await settle(page, '[data-testid="session-status"]:text("ready")');
  await page.screenshot({ path: join(outDir, 'demo.png'), fullPage: true });
  console.log('saved demo.png');
  mkdirSync(join(root, 'stories/assets'), { recursive: true });
  copyFileSync(join(outDir, 'storefront-all-three.png'), readmeImage);
  console.log(`updated ${readmeImage}`);
} finally {
  await browser.close();
  await demo.close();
  storybook.close();
}

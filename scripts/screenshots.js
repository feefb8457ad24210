// `npm run screenshots`: pictures of the demo pages and the extension for README.md and the demo's
// extension page, taken from the built files in headless Chromium.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { browserPath, CHROMIUM_ARGS } from './browsers.js';
import { writeTestBuild } from './extension-test-builds.js';
import { serve } from './serve.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = join(root, 'docs/screenshots');
mkdirSync(out, { recursive: true });

async function settle(page) {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() =>
    // The studio's own elements draw in the light DOM; the nk- elements inside them are waited for.
    [...document.querySelectorAll('*')]
      .filter((el) => el.localName.startsWith('nk-') && !el.localName.startsWith('nk-studio'))
      .every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]')),
  );
}

async function demoPages() {
  const server = await serve(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS });
  try {
    for (const [name, path, width, height] of [
      ['demo-article', '/', 1280, 1700],
      ['demo-article-mobile', '/', 390, 1600],
      ['demo-gallery', '/gallery', 1280, 1100],
      ['demo-embed', '/embed', 1280, 1000],
    ]) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`${origin}${path}`);
      await settle(page);
      await page.screenshot({ path: join(out, `${name}.png`) });
      await page.close();
    }
    // The elements under each municipal theme from npm, one picture per theme.
    const gallery = await browser.newPage({ viewport: { width: 1280, height: 1100 } });
    await gallery.goto(`${origin}/gallery`);
    await settle(gallery);
    for (const theme of ['utrecht', 'rijkshuisstijl', 'voorbeeld']) {
      await gallery.locator(`[data-theme="${theme}"]`).screenshot({ path: join(out, `theme-${theme}.png`) });
    }
    await gallery.close();
  } finally {
    await browser.close();
    server.close();
  }
}

async function extension() {
  // The test build, with the tools' sites granted (a headless browser answers no permission prompt),
  // made from the release build as the e2e tests make it: `rollup -c` writes only the release build.
  const dir = writeTestBuild('chrome-test');
  const profile = mkdtempSync(join(tmpdir(), 'nk-shots-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: browserPath('chromium'),
    headless: true,
    viewport: { width: 400, height: 900 },
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const id = new URL(worker.url()).host;
    // The worker registers the launcher after it starts; a tool page opened before gets none.
    await worker.evaluate(async () => {
      while (!(await chrome.scripting.getRegisteredContentScripts()).length) await new Promise((resolve) => chrome.permissions.getAll(resolve));
    });
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/panel.html`);
    await settle(panel);
    await panel.screenshot({ path: join(out, 'extension-panel.png') });
    const fixture = readFileSync(join(root, 'tests/fixtures/tool-page.html'), 'utf8');
    await context.route('https://outlook.office.com/**', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: fixture }));
    const tool = await context.newPage();
    await tool.setViewportSize({ width: 900, height: 420 });
    await tool.goto('https://outlook.office.com/calendar/view/week');
    await tool.waitForFunction(() => document.getElementById('netwerkkracht-launcher'));
    const frame = await new Promise((resolve) => {
      const find = () => tool.frames().find((f) => f.url().includes('/launcher.html'));
      if (find()) resolve(find());
      tool.on('framenavigated', () => find() && resolve(find()));
    });
    await frame.locator('main:not([hidden])').waitFor();
    // The launcher shows once its frame has said how tall it is.
    await tool.waitForFunction(() => getComputedStyle(document.getElementById('netwerkkracht-launcher')).opacity === '1');
    await tool.screenshot({ path: join(out, 'extension-launcher.png') });
    const options = await context.newPage();
    await options.setViewportSize({ width: 900, height: 700 });
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByRole('checkbox').first().waitFor();
    await options.screenshot({ path: join(out, 'extension-options.png'), fullPage: true });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The pack studio: a pack being edited beside its preview, and a pack with problems. */
async function studio() {
  const server = await serve(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: browserPath('chromium'), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1250 } });
    await page.goto(`${origin}/studio`);
    await page.getByRole('button', { name: 'Standaardpakket openen (Nederlands)' }).click();
    await page.locator('#view-checklists').click();
    await page.locator('nk-studio-preview nk-network-checklist').waitFor();
    await settle(page);
    await page.screenshot({ path: join(out, 'studio-editing.png') });
    await page.locator('#view-publish').click();
    await page.waitForFunction(() => document.getElementById('inline-snippet')?.value.includes('application/json'));
    await page.screenshot({ path: join(out, 'studio-publish.png') });
    await page.locator('#view-tips').click();
    await page.locator('#f-tips-0-source').selectOption('');
    await page.locator('#f-tips-0-title').fill('');
    await page.locator('#f-tips-0-id').fill('Vast agendapunt');
    await page.getByRole('region', { name: '3 problemen' }).waitFor();
    await page.screenshot({ path: join(out, 'studio-problems.png') });
    await page.close();
  } finally {
    await browser.close();
    server.close();
  }
}

// `node scripts/screenshots.js studio` takes only the studio's pictures.
if (process.argv.includes('studio')) await studio();
else {
  await demoPages();
  await extension();
  await studio();
}
console.log(`Screenshots written to ${out}`);

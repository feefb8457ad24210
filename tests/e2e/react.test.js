// The React 19 example from the demo's "using it from code" page, bundled and run in Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, startDemo, watchErrors } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('React 19 example', () => {
  let demo;
  let browser;
  let bundle;
  before(async () => {
    demo = await startDemo();
    browser = await launchChromium();
    const result = await build({
      stdin: {
        contents: `
          import { createRoot } from 'react-dom/client';
          import { setDefaultPackBase } from '@netwerkkracht/components';
          import { MeetingChecklist } from './demo/react/MeetingChecklist.jsx';
          setDefaultPackBase('/netwerkkracht/packs/');
          createRoot(document.getElementById('root')).render(<MeetingChecklist />);`,
        loader: 'jsx',
        resolveDir: root,
      },
      bundle: true,
      format: 'esm',
      jsx: 'automatic',
      conditions: ['source'],
      define: { 'process.env.NODE_ENV': '"production"' },
      write: false,
      logLevel: 'silent',
    });
    bundle = result.outputFiles[0].text;
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  it('renders the checklist and hears its progress event', async () => {
    const page = await browser.newPage();
    const errors = watchErrors(page);
    await page.route(`${demo.origin}/react-test/app.js`, (route) => route.fulfill({ contentType: 'text/javascript', body: bundle }));
    await page.route(`${demo.origin}/react-test/`, (route) =>
      route.fulfill({
        contentType: 'text/html',
        body: '<!doctype html><html lang="nl"><title>React</title><div id="root"></div><script type="module" src="app.js"></script>',
      }),
    );
    await page.goto(`${demo.origin}/react-test/`);
    const checklist = page.locator('nk-network-checklist');
    await checklist.getByText('Een netwerkbijeenkomst organiseren').first().waitFor();
    await page.getByText('Nog niets afgevinkt.').waitFor();
    await checklist.getByRole('checkbox').first().check();
    await page.getByText('1 stap(pen) klaar.').waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});

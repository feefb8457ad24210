// The demo site as a visitor sees it, served like a real host, in real Chromium.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { axeViolations, launchChromium, startDemo, watchErrors } from './helpers.js';

const PAGES = ['/', '/gallery', '/embed', '/extension', '/code'];

describe('demo site', () => {
  let demo;
  let browser;
  before(async () => {
    demo = await startDemo();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await demo?.stop();
  });

  for (const path of PAGES) {
    it(`${path} loads with no console errors and no WCAG 2.2 AA violations`, async () => {
      const context = await browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(`${demo.origin}${path}`);
      assert.equal(response.status(), 200);
      await page.waitForLoadState('networkidle');
      // Every nk- element on the page has finished loading (no skeleton left).
      await page.waitForFunction(() =>
        [...document.querySelectorAll('*')]
          .filter((el) => el.localName.startsWith('nk-'))
          .every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]')),
      );
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('shows content from the default Dutch pack on the article page', async () => {
    const page = await browser.newPage();
    await page.goto(`${demo.origin}/`);
    const deck = page.locator('nk-tip-deck[mode="list"]');
    await assert.doesNotReject(deck.getByText('Begin met een duidelijke visie').first().waitFor());
    await page.locator('nk-contact-card').getByText('Lotte Voorbeeld').first().waitFor();
    await page.locator('nk-network-checklist').getByText('Een netwerkbijeenkomst organiseren').waitFor();
    await page.close();
  });

  it('keeps checklist ticks across a reload', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.origin}/`);
    const checklist = page.locator('nk-network-checklist');
    const first = checklist.getByRole('checkbox').first();
    await first.check();
    await checklist.getByText(/^1 van \d+ gedaan$/).waitFor();
    await page.reload();
    await page.locator('nk-network-checklist').getByText(/^1 van \d+ gedaan$/).waitFor();
    assert.equal(await page.locator('nk-network-checklist').getByRole('checkbox').first().isChecked(), true);
    await context.close();
  });
});

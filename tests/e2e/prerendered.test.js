// The pre-rendered snippet that `netwerkkracht snippet` and the embed builder write: the tip is in
// the page itself, readable with JavaScript off, and the card upgrades it without moving anything.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { axeViolations, PATIENCE, watchErrors, withDemoAndChromium } from './helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const STRICT_CSP = "script-src 'self'; style-src 'self'";
const NL = JSON.parse(readFileSync(`${root}packages/content/packs/nl.json`, 'utf8'));
const TIP = NL.tips[0];
const SOURCE = NL.sources.find((source) => source.id === TIP.source);
const FILLER = 'Tekst van de pagina zelf, onder de tip, die niet mag verspringen als de tipkaart klaar is.';

const CHECKLIST = NL.checklists[0];

/** The CLI's snippet for the first tip (or another id), with the widgets of the demo server. */
function cliSnippet(id = TIP.id) {
  return execFileSync(
    process.execPath,
    [`${root}packages/content/bin/netwerkkracht.js`, 'snippet', `${root}packages/content/packs/nl.json`, id, '--base', '/netwerkkracht/'],
    { encoding: 'utf8' },
  );
}

/** Collects every layout shift of the pages of `context` in `window.nkShifts`. */
async function watchShifts(context) {
  await context.addInitScript(() => {
    const shifts = [];
    Object.defineProperty(window, 'nkShifts', { value: shifts });
    new PerformanceObserver((list) => shifts.push(...list.getEntries().map((entry) => entry.value))).observe({ type: 'layout-shift', buffered: true });
  });
}

/** The shifts so far; they are reported after the frame that made them, so two frames on. */
const shiftsOf = (page) => page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(window.nkShifts)))));

/** A page with text above and below the snippet (and `head` in its head), served under a strict CSP. */
async function open(context, origin, snippet, head = '') {
  const page = await context.newPage();
  await page.route(`${origin}/prerendered.html`, (route) =>
    route.fulfill({
      status: 200,
      headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
      body: `<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Pre-rendered</title>${head}</head><body><h1>Samenwerken</h1><p>${FILLER}</p>${snippet}${`<p>${FILLER}</p>`.repeat(6)}</body></html>`,
    }),
  );
  return page;
}

describe('pre-rendered tip card snippet', () => {
  const running = withDemoAndChromium();

  it('is readable with JavaScript off', async () => {
    const context = await running.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, running.demo.origin, cliSnippet());
    await page.goto(`${running.demo.origin}/prerendered.html`);
    const card = page.locator('nk-tip-card');
    await card.getByRole('heading', { name: TIP.title }).waitFor({ timeout: PATIENCE });
    for (const paragraph of TIP.body) assert.equal(await card.getByText(paragraph).isVisible(), true, paragraph);
    assert.equal(await card.getByText(SOURCE.organisation).isVisible(), true);
    // Laid out as the card it becomes: its own box, not the page's bare text.
    const box = await card.evaluate((el) => ({ top: getComputedStyle(el).borderTopWidth, defined: el.matches(':defined') }));
    assert.deepEqual(box, { top: '4px', defined: false });
    await context.close();
  });

  it('upgrades in place with no layout shift', async () => {
    const context = await running.browser.newContext({ viewport: { width: 390, height: 844 } });
    await watchShifts(context);
    const page = await open(context, running.demo.origin, cliSnippet());
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/prerendered.html`);
    // Upgraded: the card's own buttons are there.
    await page.locator('nk-tip-card').getByRole('button', { name: 'Kopiëren' }).waitFor({ timeout: PATIENCE });
    assert.deepEqual(await shiftsOf(page), [], 'no layout shift');
    assert.equal(await page.locator('nk-tip-card').getByRole('heading', { name: TIP.title }).isVisible(), true);
    // A space between "Bron:" and the organisation, as a reader sees it: the built bundle's
    // template minifier once took it out ("Bron:Deltaplan Jeugd").
    const gap = await page.locator('nk-tip-card').evaluate((card) => {
      // From the start of the line to the label's colon.
      const line = card.shadowRoot.querySelector('[part~=source]');
      const colon = [...line.childNodes].find((node) => node.nodeType === Node.TEXT_NODE && node.data.includes(':'));
      const range = document.createRange();
      range.setStart(line, 0);
      range.setEnd(colon, colon.data.indexOf(':') + 1);
      const organisation = card.querySelector('[slot=source]').getClientRects()[0];
      return organisation.left - range.getBoundingClientRect().right;
    });
    assert.ok(gap >= 2, `a space between the label and the organisation (${gap} px)`);
    assert.deepEqual(await axeViolations(page), []);
    assert.deepEqual(errors, []);
    await context.close();
  });

  it('writes a checklist readable with JavaScript off, and the interactive one takes over without a shift', async () => {
    const off = await running.browser.newContext({ javaScriptEnabled: false });
    const plain = await open(off, running.demo.origin, cliSnippet(CHECKLIST.id));
    await plain.goto(`${running.demo.origin}/prerendered.html`);
    const list = plain.locator('nk-network-checklist');
    await list.getByRole('heading', { name: CHECKLIST.title }).waitFor({ timeout: PATIENCE });
    assert.deepEqual(
      await list.getByRole('listitem').allTextContents(),
      CHECKLIST.items.map((item) => item.text),
    );
    await off.close();

    const on = await running.browser.newContext({ viewport: { width: 390, height: 844 } });
    await watchShifts(on);
    const page = await open(on, running.demo.origin, cliSnippet(CHECKLIST.id));
    const errors = watchErrors(page);
    await page.goto(`${running.demo.origin}/prerendered.html`);
    await page.locator('nk-network-checklist').getByRole('checkbox').first().waitFor({ timeout: PATIENCE });
    assert.equal(await page.locator('nk-network-checklist').getByRole('checkbox').count(), CHECKLIST.items.length);
    assert.deepEqual(await shiftsOf(page), [], 'no layout shift');
    assert.deepEqual(errors, []);
    await on.close();
  });
});

describe('pre-rendered tip deck and contact card', () => {
  const running = withDemoAndChromium();
  const CONTACT = NL.contacts[0];
  const deckSnippet = () =>
    execFileSync(
      process.execPath,
      [`${root}packages/content/bin/netwerkkracht.js`, 'snippet', `${root}packages/content/packs/nl.json`, '--deck', 'daily', '--base', '/netwerkkracht/'],
      { encoding: 'utf8' },
    );

  it('are readable with JavaScript off', async () => {
    const context = await running.browser.newContext({ javaScriptEnabled: false });
    const page = await open(context, running.demo.origin, `${deckSnippet()}${cliSnippet(CONTACT.id)}`);
    await page.goto(`${running.demo.origin}/prerendered.html`);
    const deck = page.locator('nk-tip-deck');
    await deck.getByRole('heading', { name: TIP.title }).waitFor({ timeout: PATIENCE });
    for (const paragraph of TIP.body) assert.equal(await deck.getByText(paragraph).isVisible(), true, paragraph);
    const card = page.locator('nk-contact-card');
    assert.equal(await card.getByRole('heading', { name: CONTACT.name }).isVisible(), true);
    assert.equal(await card.getByText(CONTACT.role).isVisible(), true);
    assert.equal(await card.getByText(CONTACT.organisation).isVisible(), true);
    assert.equal(await card.getByRole('link', { name: CONTACT.email }).getAttribute('href'), `mailto:${CONTACT.email}`);
    await context.close();
  });

  for (const [name, snippet, ready] of [
    ['the deck', () => deckSnippet(), (page) => page.locator('nk-tip-deck').getByRole('heading', { name: 'Tip van de dag' })],
    ['the contact card', () => cliSnippet(CONTACT.id), (page) => page.locator('nk-contact-card').getByRole('button', { name: 'Contact opslaan' })],
  ]) {
    it(`${name} takes over without moving the page`, async () => {
      const context = await running.browser.newContext({ viewport: { width: 390, height: 844 } });
      await watchShifts(context);
      const page = await open(context, running.demo.origin, snippet());
      const errors = watchErrors(page);
      await page.goto(`${running.demo.origin}/prerendered.html`);
      await ready(page).waitFor({ timeout: PATIENCE });
      // Its room is what the element usually takes, not what this one takes in this page's font
      // and width: it may shrink (or grow) once when the interactive one comes, by a little.
      const shifts = await shiftsOf(page);
      assert.ok(shifts.length <= 1, `at most one shift: ${shifts.join(', ')}`);
      assert.ok((shifts[0] ?? 0) <= 0.05, `layout shift ${shifts[0]}`);
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('the plain snippet with all four elements', () => {
  const running = withDemoAndChromium();
  const script = '<script type="module" blocking="render" src="/netwerkkracht/netwerkkracht.js"></script>';
  const four = [
    `<nk-tip-card tip="${TIP.id}"></nk-tip-card>`,
    '<nk-tip-deck mode="daily"></nk-tip-deck>',
    `<nk-network-checklist checklist="${CHECKLIST.id}"></nk-network-checklist>`,
    '<nk-contact-card name="Sam de Wit" job-title="Jongerenwerker" email="sam@example.org"></nk-contact-card>',
  ].join('');

  it("keeps each element's room from the first paint, so the page hardly moves (CLS ≤ 0.05)", async () => {
    const context = await running.browser.newContext({ viewport: { width: 390, height: 844 } });
    await watchShifts(context);
    const page = await open(context, running.demo.origin, four, script);
    const errors = watchErrors(page);
    // The elements' code comes only after the page has been painted, as on a slow network.
    let release;
    const painted = new Promise((resolve) => (release = resolve));
    await page.route('**/netwerkkracht/chunks/**', async (route) => {
      await painted;
      await route.continue();
    });
    await page.goto(`${running.demo.origin}/prerendered.html`);
    await page.waitForFunction(() => performance.getEntriesByType('paint').length > 0);
    release();
    await page.locator('nk-tip-card').getByRole('heading', { name: TIP.title }).waitFor({ timeout: PATIENCE });
    await page.locator('nk-tip-deck').getByRole('heading').first().waitFor({ timeout: PATIENCE });
    await page.locator('nk-network-checklist').getByRole('checkbox').first().waitFor({ timeout: PATIENCE });
    await page.locator('nk-contact-card').getByRole('heading', { name: 'Sam de Wit' }).waitFor({ timeout: PATIENCE });
    const shifts = await shiftsOf(page);
    const cls = shifts.reduce((sum, value) => sum + value, 0);
    assert.ok(cls <= 0.05, `layout shift ${cls.toFixed(3)} (${shifts.map((value) => value.toFixed(3)).join(', ')})`);
    assert.deepEqual(errors, []);
    await context.close();
  });
});

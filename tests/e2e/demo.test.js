// The demo site as a visitor sees it, served like a real host, in real Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { unzipSync } from 'fflate';
import { axeViolations, blankPage, PATIENCE, watchErrors, withDemoAndChromium } from './helpers.js';

const PAGES = ['/', '/gallery', '/embed', '/studio', '/extension', '/code'];
const readPack = (lang) => JSON.parse(readFileSync(new URL(`../../packages/content/packs/${lang}.json`, import.meta.url), 'utf8'));
const NL = readPack('nl');
const EN = readPack('en');
// An organisation's own pack: the Dutch pack with other tip ids and titles, so that nothing in it
// can come from the default pack by accident. The preview validates it fully, like on a real site.
const ownId = (id) => `eigen-${id}`;
const OWN_PACK = {
  ...NL,
  id: 'voorbeeldorganisatie-nl',
  title: 'Tips van de Voorbeeldorganisatie',
  tips: NL.tips.map((tip) => ({ ...tip, id: ownId(tip.id), title: `Eigen tip: ${tip.title}` })),
  checklists: NL.checklists.map((list) => ({ ...list, items: list.items.map((item) => (item.tip ? { ...item, tip: ownId(item.tip) } : item)) })),
};
const OWN_PACK_URL = 'https://packs.example.org/voorbeeldorganisatie.json';
// Another site answers with CORS, as an organisation's pack host must.
const packResponse = (pack) => ({ status: 200, contentType: 'application/json', headers: { 'access-control-allow-origin': '*' }, body: JSON.stringify(pack) });
const WAIT = { timeout: PATIENCE };

/** Types an address into the pack field of the embed builder and leaves it, as an editor does. */
async function setPack(page, value) {
  const field = page.getByLabel('Eigen inhoudspakket');
  await field.fill(value);
  await field.press('Tab');
}

/** Waits until the preview element has finished loading (no skeleton left). */
function previewLoaded(page) {
  return page.waitForFunction(
    () => {
      const el = document.querySelector('#preview > *');
      return el?.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]');
    },
    undefined,
    WAIT,
  );
}

const snippetText = (page) => page.getByLabel('Kopieer deze code naar je pagina').inputValue();
const optionTexts = (page) => page.getByLabel('Welke?').locator('option').allTextContents();

describe('demo site', () => {
  const running = withDemoAndChromium();

  for (const path of PAGES) {
    it(`${path} loads with no console errors and no WCAG 2.2 AA violations`, async () => {
      const context = await running.browser.newContext({ bypassCSP: true });
      const page = await context.newPage();
      const errors = watchErrors(page);
      const response = await page.goto(`${running.demo.origin}${path}`);
      assert.equal(response.status(), 200);
      await page.waitForLoadState('networkidle');
      // Every nk- element on the page has finished loading (no skeleton left).
      await page.waitForFunction(() =>
        [...document.querySelectorAll('*')]
          // The studio's own elements draw in the light DOM; the nk- elements they hold are checked.
          .filter((el) => el.localName.startsWith('nk-') && !el.localName.startsWith('nk-studio'))
          .every((el) => el.shadowRoot && !el.shadowRoot.querySelector('[part="loading"]')),
      );
      assert.deepEqual(await axeViolations(page), []);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }

  it('shows content from the default Dutch pack on the article page', async () => {
    const page = await running.browser.newPage();
    await page.goto(`${running.demo.origin}/`);
    const deck = page.locator('nk-tip-deck[mode="list"]');
    await assert.doesNotReject(deck.getByText('Bepaal eerst het doel van je bijeenkomst').first().waitFor());
    await page.locator('nk-contact-card').getByText('Lotte Voorbeeld').first().waitFor();
    await page.locator('nk-network-checklist').getByText('Een netwerkbijeenkomst organiseren').waitFor();
    // The follow-up tip comes with its e-mail template, to copy or to open as a new e-mail.
    const card = page.locator('nk-tip-card[tip="contact-houden-na-bijeenkomst"]');
    await card.getByRole('button', { name: 'E-mail kopiëren: E-mail na afloop van de bijeenkomst' }).waitFor();
    assert.match(await card.getByRole('link', { name: 'Openen als e-mail: E-mail na afloop van de bijeenkomst' }).getAttribute('href'), /^mailto:\?subject=/);
    await page.close();
  });

  it('keeps checklist ticks across a reload', async () => {
    const context = await running.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${running.demo.origin}/`);
    const checklist = page.locator('nk-network-checklist');
    const first = checklist.getByRole('checkbox').first();
    await first.check();
    await checklist.getByText(/^1 van \d+ gedaan$/).waitFor();
    await page.reload();
    await page
      .locator('nk-network-checklist')
      .getByText(/^1 van \d+ gedaan$/)
      .waitFor();
    assert.equal(await page.locator('nk-network-checklist').getByRole('checkbox').first().isChecked(), true);
    await context.close();
  });

  describe('embed builder', () => {
    it('names the CDN copy by default, this server\'s folder for "own server", and offers that folder as a zip', async () => {
      const { version } = JSON.parse(readFileSync(new URL('../../widgets/package.json', import.meta.url), 'utf8'));
      const context = await running.browser.newContext({ acceptDownloads: true });
      const page = await context.newPage();
      await page.goto(`${running.demo.origin}/embed`);
      await page.waitForFunction(() => document.getElementById('snippet').value.includes('<script'), undefined, WAIT);
      assert.match(
        await snippetText(page),
        new RegExp(`src="https://cdn\\.jsdelivr\\.net/npm/@netwerkkracht/widgets@${version.replaceAll('.', '\\.')}/dist/netwerkkracht\\.js"`),
      );
      await page.getByLabel('Eigen server').check();
      await page.waitForFunction(
        (origin) => document.getElementById('snippet').value.includes(`${origin}/netwerkkracht/netwerkkracht.js`),
        running.demo.origin,
        WAIT,
      );
      await page.getByLabel('Mijn CMS staat alleen gewone scripts toe').check();
      await page.waitForFunction(
        (origin) => document.getElementById('snippet').value.includes(`src="${origin}/netwerkkracht/netwerkkracht.classic.js" defer`),
        running.demo.origin,
        WAIT,
      );
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download de map als zip' }).click()]);
      const zip = unzipSync(readFileSync(await download.path()));
      for (const file of [
        'netwerkkracht/netwerkkracht.js',
        'netwerkkracht/netwerkkracht.classic.js',
        'netwerkkracht/packs/nl.json',
        'netwerkkracht/packs/en.json',
      ]) {
        assert.ok(zip[file]?.length, `the zip holds ${file}`);
      }
      assert.ok(Object.keys(zip).some((file) => file.startsWith('netwerkkracht/chunks/')));
      assert.deepEqual(await axeViolations(page), []);
      await context.close();
    });

    it('puts the pack in the page when asked, and that snippet works under a strict CSP', async () => {
      const context = await running.browser.newContext();
      await context.route('https://packs.example.org/**', (route) => route.fulfill(packResponse({ ...OWN_PACK, title: 'Ons pakket </script><!-- ja' })));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);
      await page.getByLabel('Onderdeel').selectOption('nk-tip-deck');
      await setPack(page, OWN_PACK_URL);
      await page.getByLabel('Eigen server').check();
      await page.getByLabel('Het pakket in de pagina zetten').check();
      await page.waitForFunction(() => document.getElementById('snippet').value.includes('pack="#netwerkkracht-pack"'), undefined, WAIT);
      const snippet = await snippetText(page);
      assert.match(snippet, /^<script type="application\/json" id="netwerkkracht-pack">\{/);
      assert.ok(!snippet.includes('https://packs.example.org'), 'no pack address: the pack is in the page');
      assert.match(snippet, /Ons pakket \\u003c\/script>\\u003c!-- ja/, 'the title cannot end the block');
      await page.locator('#preview nk-tip-deck').getByRole('heading', { name: OWN_PACK.tips[0].title }).first().waitFor(WAIT);
      const blank = await blankPage(running.browser, running.demo.origin, snippet);
      await blank.page.locator('nk-tip-deck').getByRole('heading', { name: OWN_PACK.tips[0].title }).first().waitFor(WAIT);
      assert.deepEqual(blank.errors, []);
      assert.deepEqual(errors, []);
      await blank.page.close();
      await context.close();
    });

    it('keeps the pack block for a pre-rendered checklist, which still reads its pack for the ticks', async () => {
      const page = await running.browser.newPage();
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);
      await page.getByLabel('Onderdeel').selectOption('nk-network-checklist');
      await page.getByLabel('Eigen server').check();
      await page.getByLabel('Het pakket in de pagina zetten').check();
      await page.waitForFunction(() => document.getElementById('snippet').value.includes('pack="#netwerkkracht-pack"'), undefined, WAIT);
      const snippet = await snippetText(page);
      assert.match(snippet, /^<script type="application\/json" id="netwerkkracht-pack">\{/);
      assert.match(snippet, new RegExp(`<h3>${NL.checklists[0].title}</h3>\\s*<ol>`), 'the checklist is pre-rendered');
      const blank = await blankPage(running.browser, running.demo.origin, snippet);
      const list = blank.page.locator('nk-network-checklist');
      await list.getByRole('checkbox', { name: NL.checklists[0].items[0].text }).waitFor(WAIT);
      assert.equal(await list.getByRole('alert').count(), 0);
      assert.deepEqual(blank.errors, []);
      await blank.page.close();
      await page.close();
    });

    it("previews an own pack from another https site under the demo's own CSP", async () => {
      // No bypassCSP: the page's Content-Security-Policy must let the preview fetch the pack.
      const context = await running.browser.newContext();
      await context.route('https://packs.example.org/**', (route) => route.fulfill(packResponse(OWN_PACK)));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);
      // The deck needs no item, so only the pack decides what it shows.
      await page.getByLabel('Onderdeel').selectOption('nk-tip-deck');
      await setPack(page, OWN_PACK_URL);
      await page.locator('#preview nk-tip-deck').getByRole('heading', { name: OWN_PACK.tips[0].title }).first().waitFor(WAIT);
      assert.deepEqual(errors, []);
      await context.close();
    });

    it('fills "Welke?" from the own pack, and says why when that pack cannot be loaded, then tries again', async () => {
      const context = await running.browser.newContext({ bypassCSP: true });
      let answer = { status: 404, contentType: 'text/plain', headers: { 'access-control-allow-origin': '*' }, body: 'Not found' };
      await context.route('https://packs.example.org/**', (route) => route.fulfill(answer));
      const page = await context.newPage();
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);

      await setPack(page, OWN_PACK_URL);
      await page.locator('#status', { hasText: '404' }).waitFor(WAIT);
      // The form keeps working: an item to pick and a snippet that follows the form.
      assert.equal(await page.getByLabel('Welke?').isEnabled(), true);
      assert.ok((await optionTexts(page)).length > 0);
      assert.match(await snippetText(page), /pack="https:\/\/packs\.example\.org\/voorbeeldorganisatie\.json"/);

      // The failure is not remembered: once the pack is there, entering the address again loads it.
      answer = packResponse(OWN_PACK);
      await setPack(page, '');
      await setPack(page, OWN_PACK_URL);
      await page.waitForFunction((title) => document.querySelector('select[name="id"] option')?.textContent === title, OWN_PACK.tips[0].title, WAIT);
      assert.deepEqual(
        await optionTexts(page),
        OWN_PACK.tips.map((tip) => tip.title),
      );
      assert.match(await snippetText(page), new RegExp(`tip="${OWN_PACK.tips[0].id}"`));
      await page.locator('#preview nk-tip-card').getByText(OWN_PACK.tips[0].title).waitFor(WAIT);
      await context.close();
    });

    it('shows only the items of the last choice when the language and then the element change during a download', async () => {
      const context = await running.browser.newContext({ bypassCSP: true });
      let release;
      const held = new Promise((resolve) => {
        release = resolve;
      });
      // The English pack arrives only when the test says so.
      await context.route(`${running.demo.origin}/netwerkkracht/packs/en.json`, async (route) => {
        await held;
        await route.continue();
      });
      const page = await context.newPage();
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);

      await page.getByLabel('Taal').selectOption('en');
      await page.getByLabel('Onderdeel').selectOption('nk-contact-card');
      release();
      await page.waitForFunction(
        () => {
          const code = document.getElementById('snippet').value;
          return code.includes('<nk-contact-card contact=') && code.includes('lang="en"');
        },
        undefined,
        WAIT,
      );
      await previewLoaded(page);
      assert.deepEqual(
        await optionTexts(page),
        EN.contacts.map((contact) => contact.name),
      );
      assert.match(await snippetText(page), new RegExp(`contact="${EN.contacts[0].id}"`));
      await page.locator('#preview nk-contact-card').getByRole('heading', { name: EN.contacts[0].name }).waitFor(WAIT);
      await context.close();
    });

    it('reports a failed pack download, still updates the snippet, and downloads again next time', async () => {
      const context = await running.browser.newContext({ bypassCSP: true });
      let failing = true;
      await context.route(`${running.demo.origin}/netwerkkracht/packs/en.json`, (route) =>
        failing ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'Even niet' }) : route.continue(),
      );
      const page = await context.newPage();
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);

      await page.getByLabel('Taal').selectOption('en');
      await page.locator('#status', { hasText: '503' }).waitFor(WAIT);
      assert.match(await snippetText(page), /lang="en"/);

      failing = false;
      await page.getByLabel('Taal').selectOption('nl');
      await page.getByLabel('Taal').selectOption('en');
      await page.waitForFunction((title) => document.querySelector('select[name="id"] option')?.textContent === title, EN.tips[0].title, WAIT);
      assert.deepEqual(
        await optionTexts(page),
        EN.tips.map((tip) => tip.title),
      );
      await context.close();
    });

    it('keeps the chosen item across languages and clears "Gekopieerd." on the next change', async () => {
      const context = await running.browser.newContext({ bypassCSP: true, permissions: ['clipboard-read', 'clipboard-write'] });
      const page = await context.newPage();
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);

      const chosen = NL.tips[2].id;
      await page.getByLabel('Welke?').selectOption(chosen);
      await page.getByLabel('Taal').selectOption('en');
      await page.waitForFunction((title) => document.querySelector('select[name="id"] option')?.textContent === title, EN.tips[0].title, WAIT);
      assert.equal(await page.getByLabel('Welke?').inputValue(), chosen);
      assert.match(await snippetText(page), new RegExp(`tip="${chosen}"`));

      await page.getByRole('button', { name: 'Code kopiëren' }).click();
      await page.locator('#status', { hasText: 'Gekopieerd.' }).waitFor(WAIT);
      await page.getByLabel('Thema').selectOption('dark');
      await page.waitForFunction(() => document.getElementById('snippet').value.includes('theme="dark"'), undefined, WAIT);
      assert.equal(await page.locator('#status').textContent(), '');
      await context.close();
    });

    it('refuses pack addresses that are not absolute https: URLs, says why next to the field, and leaves them out', async () => {
      const context = await running.browser.newContext({ bypassCSP: true });
      await context.route('https://packs.example.org/**', (route) => route.fulfill(packResponse(OWN_PACK)));
      const page = await context.newPage();
      const errors = watchErrors(page);
      await page.goto(`${running.demo.origin}/embed`);
      await previewLoaded(page);
      const field = page.getByLabel('Eigen inhoudspakket');

      for (const value of [
        'netwerkkracht.json',
        '/packs/nl.json',
        'www.voorbeeld.nl/netwerkkracht.json',
        'http://www.voorbeeld.nl/netwerkkracht.json',
        'javascript:alert(1)',
      ]) {
        await setPack(page, value);
        await page.waitForFunction(() => document.querySelector('input[name="pack"]').getAttribute('aria-invalid') === 'true', undefined, WAIT);
        const describedBy = await field.getAttribute('aria-describedby');
        assert.ok(describedBy, `${value}: the field points to its message`);
        const message = await page.locator(`[id="${describedBy}"]`).textContent();
        assert.ok(message.trim().length > 0, `${value}: a message is shown`);
        assert.doesNotMatch(await snippetText(page), /pack=/, value);
        assert.equal(await page.locator('#preview > *').getAttribute('pack'), null, value);
      }
      assert.deepEqual(await axeViolations(page), []);

      await setPack(page, OWN_PACK_URL);
      await page.waitForFunction((url) => document.getElementById('snippet').value.includes(`pack="${url}"`), OWN_PACK_URL, WAIT);
      assert.notEqual(await field.getAttribute('aria-invalid'), 'true');
      assert.deepEqual(errors, []);
      await context.close();
    });
  });
});

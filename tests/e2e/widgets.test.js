// The embed snippet on a blank page, the way an editor would paste it, in real Chromium.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { blankPage, STRICT_CSP, watchErrors, withDemoAndChromium } from './helpers.js';

describe('embed snippet', () => {
  const running = withDemoAndChromium();

  it('works with the module script under a strict CSP and loads only the chunk it uses', async () => {
    const { page, errors, requests } = await blankPage(
      running.browser,
      running.demo.origin,
      '<script type="module" src="/netwerkkracht/netwerkkracht.js"></script><nk-tip-card tip="vast-agendapunt-risicos"></nk-tip-card>',
    );
    await page.locator('nk-tip-card').getByText("Zet risico's en problemen vast op de agenda").waitFor();
    assert.ok(
      requests.some((url) => url.endsWith('/netwerkkracht/packs/nl.json')),
      'default pack found beside the script',
    );
    assert.ok(!requests.some((url) => /nk-network-checklist|nk-tip-deck|nk-contact-card/.test(url)), requests.join('\n'));
    // The default pack is trusted: the validator is not downloaded for it.
    assert.ok(!requests.some((url) => /\/chunks\/validate-/.test(url)), requests.join('\n'));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('asks for every chunk and the pack at once, without waiting for the chunks', async () => {
    const { page, errors, events } = await blankPage(
      running.browser,
      running.demo.origin,
      '<script type="module" src="/netwerkkracht/netwerkkracht.js"></script><nk-tip-card tip="vast-agendapunt-risicos"></nk-tip-card>',
    );
    await page.locator('nk-tip-card').getByText("Zet risico's en problemen vast op de agenda").waitFor();
    const index = (kind, pattern) => events.findIndex(([k, url]) => k === kind && pattern.test(url));
    const chunkDone = index('done', /\/chunks\/nk-tip-card-/);
    assert.ok(chunkDone >= 0, events.join('\n'));
    // Without the chunk map, the shared chunks are found only once the element's chunk is in, and
    // the pack only once all of them have run.
    for (const pattern of [/\/packs\/nl\.json$/, /\/chunks\/nk-element-/]) {
      const start = index('start', pattern);
      assert.ok(start >= 0 && start < chunkDone, `${pattern} asked for before the element's chunk is in:\n${events.join('\n')}`);
    }
    assert.equal(events.filter(([k, url]) => k === 'start' && url.endsWith('/packs/nl.json')).length, 1, 'the pack is fetched once');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('has the loader ask for every chunk before it opens IndexedDB', async () => {
    // The order of the loader's calls: a modulepreload link put in the page, an IndexedDB open.
    const init = () => {
      const calls = (window.nkCalls = []);
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (...args) {
        calls.push('open');
        return open.apply(this, args);
      };
      const append = Element.prototype.append;
      Element.prototype.append = function (...nodes) {
        for (const node of nodes) if (node instanceof HTMLLinkElement && node.rel === 'modulepreload') calls.push('preload');
        return append.apply(this, nodes);
      };
    };
    const { page, errors } = await blankPage(
      running.browser,
      running.demo.origin,
      '<script type="module" src="/netwerkkracht/netwerkkracht.js"></script><nk-tip-card tip="vast-agendapunt-risicos"></nk-tip-card>',
      { init },
    );
    await page.locator('nk-tip-card').getByText("Zet risico's en problemen vast op de agenda").waitFor();
    const calls = await page.evaluate(() => window.nkCalls);
    const firstOpen = calls.indexOf('open');
    assert.ok(firstOpen > 0 && calls.lastIndexOf('preload') < firstOpen, calls.join(', '));
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('works with the classic script under a strict CSP', async () => {
    const { page, errors } = await blankPage(
      running.browser,
      running.demo.origin,
      '<nk-network-checklist checklist="netwerkbijeenkomst-organiseren" lang="en"></nk-network-checklist><script src="/netwerkkracht/netwerkkracht.classic.js" defer></script>',
    );
    await page.locator('nk-network-checklist').getByText('Organising a network meeting').waitFor();
    await page
      .locator('nk-network-checklist')
      .getByText(/^0 of \d+ done$/)
      .waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('has the classic script ask for the pack before IndexedDB has answered, and only once', async () => {
    // When the first IndexedDB open succeeds: on a new device it creates the database, which takes
    // tens of milliseconds that the pack's request should not wait for.
    const init = () => {
      const open = IDBFactory.prototype.open;
      IDBFactory.prototype.open = function (...args) {
        const request = open.apply(this, args);
        request.addEventListener('success', () => (window.nkFirstOpen ??= performance.now()));
        return request;
      };
    };
    const { page, errors, requests } = await blankPage(
      running.browser,
      running.demo.origin,
      '<nk-tip-card tip="vast-agendapunt-risicos"></nk-tip-card><script src="/netwerkkracht/netwerkkracht.classic.js" defer></script>',
      { init },
    );
    await page.locator('nk-tip-card').getByText("Zet risico's en problemen vast op de agenda").waitFor();
    const { asked, opened } = await page.evaluate(() => ({
      asked: performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('/packs/nl.json'))?.startTime,
      opened: window.nkFirstOpen,
    }));
    assert.ok(typeof asked === 'number' && typeof opened === 'number', `pack asked at ${asked}, IndexedDB open at ${opened}`);
    assert.ok(asked < opened, `the pack was asked for (${asked} ms) before IndexedDB answered (${opened} ms)`);
    assert.equal(requests.filter((url) => url.endsWith('/packs/nl.json')).length, 1, 'the pack is fetched once');
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('runs the loader once when the script address carries a version query, as CMSs add', async () => {
    const { page, errors, requests } = await blankPage(
      running.browser,
      running.demo.origin,
      '<script type="module" src="/netwerkkracht/netwerkkracht.js?ver=1.2"></script><nk-tip-card tip="vast-agendapunt-risicos"></nk-tip-card>',
    );
    await page.locator('nk-tip-card').getByText("Zet risico's en problemen vast op de agenda").waitFor();
    const loaders = requests.filter((url) => /\/netwerkkracht\.js(\?|$)/.test(url));
    assert.deepEqual(loaders, [`${running.demo.origin}/netwerkkracht/netwerkkracht.js?ver=1.2`]);
    assert.ok(
      requests.some((url) => url.endsWith('/netwerkkracht/packs/nl.json')),
      'default pack found beside the script',
    );
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('loads an element added together with an element whose name is an Object property', async () => {
    const { page, errors } = await blankPage(
      running.browser,
      running.demo.origin,
      '<script type="module" src="/netwerkkracht/netwerkkracht.js"></script><main></main>',
    );
    await page.evaluate(() => {
      const card = document.createElement('nk-tip-card');
      card.setAttribute('tip', 'vast-agendapunt-risicos');
      // One batch for the loader's MutationObserver: <constructor> comes first.
      document.querySelector('main').append(document.createElement('constructor'), card);
    });
    await page.locator('nk-tip-card').getByText("Zet risico's en problemen vast op de agenda").waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('survives two copies of the script from two places', async () => {
    const page = await running.browser.newPage();
    const errors = watchErrors(page);
    // A second copy of dist/ at another path, as a second CMS plugin would bring.
    await page.route(`${running.demo.origin}/plugin-copy/**`, (route) => {
      const file = new URL(route.request().url()).pathname.replace('/plugin-copy/', '');
      route.fulfill({
        status: 200,
        contentType: file.endsWith('.json') ? 'application/json' : 'text/javascript',
        body: readFileSync(new URL(`../../widgets/dist/${file}`, import.meta.url)),
      });
    });
    await page.route(`${running.demo.origin}/two.html`, (route) =>
      route.fulfill({
        status: 200,
        headers: { 'content-type': 'text/html', 'content-security-policy': STRICT_CSP },
        body: `<!doctype html><html lang="en"><title>Two</title>
          <script type="module" src="/netwerkkracht/netwerkkracht.js"></script>
          <script type="module" src="/plugin-copy/netwerkkracht.js"></script>
          <script src="/netwerkkracht/netwerkkracht.classic.js"></script>
          <nk-tip-card tip="wat-heb-je-nodig"></nk-tip-card><nk-contact-card contact="netwerkcoordinator-jeugd"></nk-contact-card>`,
      }),
    );
    await page.goto(`${running.demo.origin}/two.html`);
    await page.locator('nk-tip-card').getByText('Say what you need from the other person').first().waitFor();
    await page.locator('nk-contact-card').getByText('Lotte Voorbeeld').first().waitFor();
    assert.deepEqual(errors, []);
    await page.close();
  });
});

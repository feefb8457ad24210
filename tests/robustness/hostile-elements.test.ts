// Every pack of the hostile corpus through every element: a clear message (role="alert") or a clean
// render, no uncaught error, no frozen page, and with a last good copy cached, that copy on screen.
import { expect } from '@open-wc/testing';
import { createRecordStore, type CachedPack, type Pack } from '@netwerkkracht/core';
import { $, until } from '../components/harness.js';
import { basePack, CORPUS, hostileUrl, watchPage } from './corpus.js';
import { renderEach, say } from './elements.js';

const MAX_FREEZE_MS = 2000;

/** The pack an earlier visit left in the elements' cache (the default IndexedDB database). */
function lastGood(): Pack {
  const pack = { ...basePack(), id: 'last-good', title: 'Last good pack' } as Pack;
  pack.tips[0]!.title = 'Last good tip';
  pack.tips[1]!.title = 'Last good follow-up';
  pack.contacts![0]!.name = 'Last good contact';
  pack.checklists![0]!.title = 'Last good checklist';
  return pack;
}

describe('hostile packs through every element', () => {
  const page = watchPage();
  beforeEach(() => page.start());
  afterEach(function () {
    page.stop();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
    expect(page.longestFreeze, `the page froze during "${this.currentTest?.title}"`).to.be.below(MAX_FREEZE_MS);
  });

  for (const entry of CORPUS) {
    it(`${entry.expect === 'reject' ? 'shows a clear message' : 'renders cleanly'}: ${entry.name}`, async () => {
      const { elements, heard } = await renderEach({ pack: hostileUrl(entry.name, 'elements') });
      for (const el of elements) {
        const tag = el.localName;
        expect($(el, '[part=loading]'), `${tag} still loading`).to.equal(null);
        const alert = $(el, '[role=alert]');
        if (entry.expect === 'reject') {
          expect(heard.get(el), tag).to.equal('nk-pack-error');
          expect(alert, `${tag} shows an alert`).to.exist;
          expect(alert!.getAttribute('part')).to.equal('error');
          const text = say(el, '[role=alert]');
          expect(text, tag).to.match(/^The content could not be loaded: /);
          expect(text, tag).to.match(entry.message!);
          expect(text.length, `${tag}: ${text.slice(0, 200)}`).to.be.below(600);
          // Nothing of the refused pack is shown.
          expect(el.shadowRoot!.querySelector('[part~=base]'), tag).to.equal(null);
        } else {
          expect(heard.get(el), tag).to.equal('nk-pack-load');
          // Either the content or a clear message (an accepted pack may lack the asked-for tip).
          expect($(el, '[part=heading]') ?? alert, `${tag} shows its content or a message`).to.exist;
        }
      }
    });
  }

  for (const entry of CORPUS) {
    it(`${entry.expect === 'reject' ? 'keeps the last good pack' : 'replaces the last good pack'}: ${entry.name}`, async () => {
      const url = hostileUrl(entry.name, 'elements-cached');
      await createRecordStore<CachedPack>('netwerkkracht-packs', { broadcast: false }).write(url, {
        pack: lastGood(),
        storedAt: new Date().toISOString(),
      });
      const { elements, heard } = await renderEach({ pack: url });
      // The stored copy shows first; the check of the network then replaces it or adds the notice.
      // The tip of the day's heading is "Tip of the day": its tip's title tells which pack it shows.
      const headingOf = (el: Element) => say(el, el.getAttribute('mode') === 'daily' ? '[part=tip-title]' : '[part=heading]');
      await until(
        () => elements.every((el) => (entry.expect === 'reject' ? say(el, '[part=notice]') : !/^Last good/.test(headingOf(el)))),
        'every element has checked the network',
      );
      for (const el of elements) {
        const tag = el.localName;
        expect(heard.get(el), tag).to.equal('nk-pack-load');
        const heading = headingOf(el);
        if (entry.expect === 'reject') {
          expect(heading, tag).to.match(/^Last good/);
          expect(say(el, '[part=notice]'), tag).to.match(/copy saved earlier/);
          expect($(el, '[role=alert]'), tag).to.equal(null);
        } else {
          expect(heading, tag).not.to.match(/^Last good/);
        }
      }
    });
  }
});

// Elements in the lives pages give them: created before and after the script loads, under a strict
// CSP, moved into another document (an iframe's, a new Document, template content) and back,
// and removed while their pack is still loading or their progress still being written.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createProgressStore, createRecordStore, loadPack } from '@netwerkkracht/core';
import '../../packages/components/src/index.js';
import type { NkNetworkChecklist } from '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import { uniqueName } from '../fixtures/pack.js';
import { $, boxes, ownBasePack, until } from '../components/harness.js';
import { blobUrl, sequenceUrl, watchPage } from './corpus.js';
import { say, type NkHost } from './elements.js';
import { COMPONENTS, pageView, WIDGETS } from './frames.js';

/** The element works: its heading shows, styled (bold), and a checklist's boxes tick. */
async function works(el: NkHost, heading: string) {
  await until(() => say(el, '[part=heading]') === heading, `${el.localName} shows "${heading}"`);
  const part = $(el, '[part=heading]')!;
  const view = el.ownerDocument.defaultView!;
  expect(view.getComputedStyle(part).fontWeight, `${el.localName} is styled`).to.equal('700');
  expect(view.getComputedStyle(el).display, `${el.localName} is a block`).to.equal('block');
  if (el.localName === 'nk-network-checklist') {
    const box = boxes(el)[0]!;
    const was = box.checked;
    const changed = oneEvent(el, 'nk-progress-change');
    box.click();
    expect((await changed).detail.checked).to.equal(!was);
  }
}

describe('element lifecycles', () => {
  const page = watchPage();
  beforeEach(() => page.start());
  afterEach(() => {
    page.stop();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
  });

  describe('created before and after the script loads', () => {
    for (const [name, script, ready] of [
      ['the elements module', COMPONENTS, (win: Window) => win.customElements.get('nk-tip-deck')],
      ['the embed loader (a chunk per element)', WIDGETS, (win: Window) => win.customElements.get('nk-tip-card')],
    ] as const) {
      it(`upgrades elements that were there first and defines ones added later: ${name}`, async () => {
        const url = blobUrl(ownBasePack());
        const view = await pageView(`
          <nk-tip-card pack="${url}" tip="risks"></nk-tip-card>
          <nk-network-checklist id="before" checklist="meeting"></nk-network-checklist>`);
        try {
          // Set before the upgrade: attributes, and a property that must not be lost.
          const early = view.doc.querySelector<NkHost>('#before')!;
          expect(view.win.customElements.get('nk-network-checklist'), 'not defined yet').to.equal(undefined);
          early.packData = ownBasePack();
          await view.load(script, ready);
          const card = view.doc.querySelector<NkHost>('nk-tip-card')!;
          await works(card, 'Put risks on the agenda');
          await until(() => view.win.customElements.get('nk-network-checklist'), 'the checklist is defined');
          await works(early, 'Organise a meeting');
          // Added after the script ran, also nested in new markup.
          const holder = view.doc.createElement('div');
          holder.innerHTML = `<section><nk-contact-card pack="${url}" contact="anna"></nk-contact-card></section>`;
          view.doc.body.append(holder);
          const deck = view.doc.createElement('nk-tip-deck') as NkHost;
          deck.setAttribute('pack', url);
          view.doc.body.append(deck);
          await works(holder.querySelector<NkHost>('nk-contact-card')!, 'Anna de Vries');
          await works(deck, 'Base pack');
        } finally {
          view.close();
        }
      });
    }

    it('works under a strict CSP (no inline script or style)', async () => {
      const url = blobUrl(ownBasePack());
      const view = await pageView(`
        <meta http-equiv="Content-Security-Policy" content="default-src 'self' blob:; script-src 'self'; style-src 'self'">
        <nk-tip-card pack="${url}" tip="risks"></nk-tip-card>`);
      const violations: string[] = [];
      view.doc.addEventListener('securitypolicyviolation', (event) => violations.push(`${event.violatedDirective} ${event.blockedURI}`));
      try {
        await view.load(WIDGETS, (win) => win.customElements.get('nk-tip-card'));
        const card = view.doc.querySelector<NkHost>('nk-tip-card')!;
        await works(card, 'Put risks on the agenda');
        await card.updateComplete;
        expect(violations).to.deep.equal([]);
      } finally {
        view.close();
      }
    });
  });

  describe('moved between documents', () => {
    it("keeps working when adopted into an iframe's document and back", async () => {
      const el = await fixture<NkHost>(html`<nk-network-checklist lang="en" .packData=${ownBasePack()} checklist="meeting"></nk-network-checklist>`);
      await works(el, 'Organise a meeting');
      const view = await pageView();
      try {
        view.doc.body.append(view.doc.adoptNode(el));
        await works(el, 'Organise a meeting');
        document.body.append(document.adoptNode(el));
        await works(el, 'Organise a meeting');
      } finally {
        el.remove();
        view.close();
      }
    });

    it("renders when it is first connected in an iframe's document", async () => {
      const el = document.createElement('nk-tip-card') as NkHost;
      el.setAttribute('tip', 'risks');
      el.packData = ownBasePack();
      const view = await pageView();
      try {
        view.doc.body.append(el);
        await works(el, 'Put risks on the agenda');
      } finally {
        view.close();
      }
    });

    it('survives a new Document and template content, and works when back', async () => {
      const el = await fixture<NkHost>(html`<nk-tip-deck lang="en" .packData=${ownBasePack()}></nk-tip-deck>`);
      await works(el, 'Base pack');
      const other = document.implementation.createHTMLDocument('elsewhere');
      other.body.append(el);
      await el.updateComplete;
      const template = document.createElement('template');
      template.content.append(el);
      // Changed while it is out of any page: picked up when it comes back.
      const changed = ownBasePack();
      changed.title = 'Changed while away';
      el.packData = changed;
      document.body.append(el);
      try {
        await works(el, 'Changed while away');
      } finally {
        el.remove();
      }
    });

    it('renders when it is created in a new Document and then put in the page', async () => {
      const other = document.implementation.createHTMLDocument('elsewhere');
      const el = other.createElement('nk-contact-card') as NkHost;
      el.setAttribute('name', 'Anna de Vries');
      other.body.append(el);
      document.body.append(document.adoptNode(el));
      try {
        await works(el, 'Anna de Vries');
      } finally {
        el.remove();
      }
    });
  });

  describe('removed mid-load', () => {
    it('throws nothing when its pack arrives after it left, and shows it when it comes back', async () => {
      const url = sequenceUrl(uniqueName('seq'), 'slow');
      const container = await fixture<HTMLElement>(html`<div>
        <nk-tip-card lang="en" pack=${url} tip="risks"></nk-tip-card>
        <nk-contact-card lang="en" pack=${url} contact="anna"></nk-contact-card>
        <nk-network-checklist lang="en" pack=${url} checklist="meeting"></nk-network-checklist>
        <nk-tip-deck lang="en" pack=${url}></nk-tip-deck>
      </div>`);
      const elements = [...container.children] as NkHost[];
      for (const el of elements) expect(el.shadowRoot!.querySelector('[part=loading]'), el.localName).to.exist;
      container.remove();
      // The same (shared) load the elements started; it completes while they are out of the page.
      await loadPack(url);
      for (const el of elements) await el.updateComplete;
      document.body.append(container);
      try {
        await works(elements[3]!, 'Base pack');
        await works(elements[2]!, 'Organise a meeting');
        await until(() => say(elements[0], '[part=heading]') === 'Put risks on the agenda', 'the tip card shows the tip');
      } finally {
        container.remove();
      }
    });

    it('throws nothing when its pack fails after it left', async () => {
      const url = sequenceUrl(uniqueName('seq'), '500');
      const el = await fixture<NkHost>(html`<nk-tip-deck lang="en" pack=${url}></nk-tip-deck>`);
      el.remove();
      let failed = false;
      await loadPack(url).catch(() => (failed = true));
      await el.updateComplete;
      expect(failed).to.equal(true);
    });

    it('still saves a tick when the checklist is removed right after it', async () => {
      const database = uniqueName('nk-robust-progress');
      const pack = ownBasePack();
      const store = createProgressStore(createRecordStore(database, { broadcast: false }));
      const el = await fixture<NkNetworkChecklist>(
        html`<nk-network-checklist lang="en" .packData=${pack} .store=${store} checklist="meeting"></nk-network-checklist>`,
      );
      await until(() => boxes(el).length === 2, 'the checklist renders');
      const changed = oneEvent(el, 'nk-progress-change');
      boxes(el)[1]!.click();
      el.remove();
      await changed;
      const saved = await createProgressStore(createRecordStore(database, { broadcast: false })).get(pack.id, 'meeting');
      expect(Object.keys(saved)).to.deep.equal(['invite']);
    });
  });
});

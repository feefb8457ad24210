// While its pack loads, each element keeps free about the room its content will take, so that the
// host page does not jump when the content comes (the default packs, at a phone's width).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../packages/components/src/index.js';
import { setDefaultPackBase } from '../../packages/components/src/internal/packs.js';
import { uniqueName } from '../fixtures/pack.js';

/** A pack address whose answer never comes (the test server holds it). */
const held = () => new URL(`/test-server/gate/${uniqueName('held')}`, location.href).href;

const CASES: [tag: string, attributes: Record<string, string>][] = [
  ['nk-tip-card', { tip: 'heldere-visie-bijeenkomst' }],
  ['nk-tip-deck', { mode: 'daily' }],
  ['nk-network-checklist', { checklist: 'netwerkbijeenkomst-organiseren' }],
  ['nk-contact-card', { contact: 'netwerkcoordinator-jeugd' }],
];

describe('placeholders while the pack loads', () => {
  before(() => setDefaultPackBase('/packages/content/packs/'));
  for (const [tag, attributes] of CASES) {
    it(`${tag}${attributes.mode ? ` (${attributes.mode})` : ''} keeps about the room of its content`, async () => {
      const column = await fixture<HTMLDivElement>(html`<div style="inline-size: 358px"></div>`);
      const make = (pack?: string) => {
        const el = document.createElement(tag);
        for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
        el.setAttribute('lang', 'nl');
        if (pack) el.setAttribute('pack', pack);
        column.append(el);
        return el as HTMLElement;
      };
      const loading = make(held());
      const loaded = make();
      await waitUntil(() => loading.shadowRoot?.querySelector('[part=loading]') && loaded.shadowRoot?.querySelector('[part=heading]'), 'both render', {
        timeout: 5000,
      });
      const ratio = loading.offsetHeight / loaded.offsetHeight;
      expect(ratio, `placeholder ${loading.offsetHeight} px, content ${loaded.offsetHeight} px`).to.be.within(0.67, 1.5);
    });
  }
});

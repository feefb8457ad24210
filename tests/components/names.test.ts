// The names the four elements share: the outer part, and what `status` says when there is nothing
// to show (the entry asked for is not in the pack, or the pack has nothing of that kind).
import { expect, fixture, html } from '@open-wc/testing';
import type { Pack } from '@netwerkkracht/core';
import '../../packages/components/src/index.js';
import type { LoadStatus } from '../../packages/components/src/classes.js';
import { uniqueName, validPack } from '../fixtures/pack.js';
import { $, until } from './harness.js';

const statusOf = (el: Element) => (el as unknown as { status: LoadStatus }).status;

async function ownPack(change: (pack: Pack) => void = () => {}): Promise<Pack> {
  const pack = await validPack();
  pack.id = uniqueName('names');
  change(pack);
  return pack;
}

async function shown(tag: string, attributes: Record<string, string>, pack: Pack): Promise<HTMLElement> {
  const el = document.createElement(tag);
  el.lang = 'en';
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  (el as unknown as { packData: Pack }).packData = pack;
  const host = await fixture<HTMLDivElement>(html`<div></div>`);
  host.append(el);
  await until(() => statusOf(el) !== 'loading', `${tag} is done loading`);
  return el;
}

const ELEMENTS: [tag: string, attributes: Record<string, string>, oldName?: string][] = [
  ['nk-tip-card', { tip: 'risks' }, 'card'],
  ['nk-contact-card', { contact: 'anna' }, 'card'],
  ['nk-network-checklist', { checklist: 'meeting' }],
  ['nk-tip-deck', {}],
];

describe('the outer part', () => {
  let style: HTMLStyleElement;
  beforeEach(() => {
    style = document.createElement('style');
    style.textContent = `
      .by-base::part(base) { outline: 3px solid rgb(1, 2, 3); }
      .by-card::part(card) { outline: 3px solid rgb(4, 5, 6); }`;
    document.head.append(style);
  });
  afterEach(() => style.remove());

  for (const [tag, attributes, oldName] of ELEMENTS) {
    it(`is ::part(base) of ${tag}${oldName ? `, and still ::part(${oldName}) for one version` : ''}`, async () => {
      const el = await shown(tag, attributes, await ownPack());
      expect(statusOf(el)).to.equal('ready');
      const outer = $(el, '[part~=base]')!;
      expect(outer, 'the outer element').to.exist;
      expect(outer.parentNode, 'it is the outermost element of the card').to.equal(el.shadowRoot);
      el.classList.add('by-base');
      expect(getComputedStyle(outer).outlineColor).to.equal('rgb(1, 2, 3)');
      el.classList.replace('by-base', 'by-card');
      if (oldName) expect(getComputedStyle(outer).outlineColor).to.equal('rgb(4, 5, 6)');
      else expect(getComputedStyle(outer).outlineColor).not.to.equal('rgb(4, 5, 6)');
      expect(el.shadowRoot!.querySelectorAll('[part~=base]'), 'one base part').to.have.length(1);
    });
  }
});

describe('the status when there is nothing to show', () => {
  it('is not-found for a tip, a contact or a checklist that is not in the pack', async () => {
    const pack = await ownPack();
    for (const [tag, attributes] of [
      ['nk-tip-card', { tip: 'nowhere' }],
      ['nk-contact-card', { contact: 'nobody' }],
      ['nk-network-checklist', { checklist: 'none' }],
    ] as const) {
      const el = await shown(tag, attributes, pack);
      expect(statusOf(el), tag).to.equal('not-found');
      expect($(el, '[role=alert]'), `${tag} says so`).to.exist;
    }
  });

  it('is empty for a checklist without items and a pack without tips', async () => {
    const list = await shown('nk-network-checklist', { checklist: 'meeting' }, await ownPack((p) => (p.checklists![0]!.items = [])));
    expect(statusOf(list)).to.equal('empty');
    expect($(list, '[role=alert]')).to.equal(null);
    const deck = await shown('nk-tip-deck', {}, await ownPack((p) => (p.tips = [])));
    expect(statusOf(deck)).to.equal('empty');
    expect($(deck, '[role=alert]')).to.equal(null);
  });
});

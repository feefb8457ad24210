import { expect, fixture, html } from '@open-wc/testing';
import { loadPack, PackLoadError, type Pack } from '@netwerkkracht/core';
import '../../packages/components/src/nk-tip-card/nk-tip-card.js';
import '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import type { NkTipCard } from '../../packages/components/src/nk-tip-card/nk-tip-card.js';
import { uniqueName, validPack } from '../fixtures/pack.js';
import { $, until } from './harness.js';

/** Puts a `<script type="application/json">` with `text` in the document; returns its id. */
function packBlock(text: string): string {
  const id = uniqueName('inline-pack');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.id = id;
  script.textContent = text;
  document.body.append(script);
  return id;
}

async function rendered(el: Element) {
  await until(() => $(el, '[part~=base]') || $(el, '[part=error]'), 'the element renders');
  return el;
}

describe('a pack in the page (pack="#id")', () => {
  let pack: Pack;
  before(async () => {
    pack = await validPack();
  });
  afterEach(() => {
    for (const script of document.querySelectorAll('script[id^="inline-pack"]')) script.remove();
  });

  describe('when the block holds a valid pack', () => {
    it('shows its tip, and loadPack says it came from the page', async () => {
      const id = packBlock(JSON.stringify(pack).replaceAll('<', '\\u003c'));
      const tip = pack.tips[0]!;
      const el = await fixture<NkTipCard>(html`<nk-tip-card lang="en" pack=${`#${id}`} tip=${tip.id}></nk-tip-card>`);
      await rendered(el);
      expect($(el, '[part=error]')).to.equal(null);
      expect(el.shadowRoot!.textContent).to.contain(tip.title);
      expect((await loadPack(`#${id}`)).origin).to.equal('inline');
      await expect(el).to.be.accessible();
    });

    it('reads text with "</script" escaped as \\u003c', async () => {
      const changed = structuredClone(pack);
      changed.tips[0]!.title = 'Say </script> out loud';
      const id = packBlock(JSON.stringify(changed).replaceAll('<', '\\u003c'));
      const el = await fixture(html`<nk-tip-card lang="en" pack=${`#${id}`} tip=${changed.tips[0]!.id}></nk-tip-card>`);
      await rendered(el);
      expect(el.shadowRoot!.textContent).to.contain('Say </script> out loud');
    });
  });

  describe('when no element has the id', () => {
    it('shows the error message with role="alert"', async () => {
      const el = await fixture(html`<nk-tip-card lang="en" pack="#no-such-pack" tip="risks"></nk-tip-card>`);
      await rendered(el);
      const error = $(el, '[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('the page has no pack with id "no-such-pack"');
      await expect(el).to.be.accessible();
    });

    it('rejects in loadPack with kind "missing"', async () => {
      const error = await loadPack('#no-such-pack').then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).to.be.instanceOf(PackLoadError);
      expect((error as PackLoadError).kind).to.equal('missing');
    });
  });

  describe('when the block is not JSON', () => {
    it('says so in the role="alert" message, in the element\'s language', async () => {
      const id = packBlock('{ "tips": [ ');
      const el = await fixture(html`<nk-network-checklist lang="nl" pack=${`#${id}`} checklist="meeting"></nk-network-checklist>`);
      await rendered(el);
      const error = $(el, '[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.contain('het pakket is niet geldig');
      expect(error.textContent).to.contain('not valid JSON');
    });
  });

  describe('when the block is JSON but breaks a rule', () => {
    it('names the path of the problem, as the CLI does', async () => {
      const broken = structuredClone(pack);
      broken.tips[0]!.source = 'nobody';
      const id = packBlock(JSON.stringify(broken));
      const el = await fixture(html`<nk-tip-card lang="en" pack=${`#${id}`} tip=${broken.tips[0]!.id}></nk-tip-card>`);
      await rendered(el);
      expect($(el, '[part=error]')!.textContent).to.contain('tips[0].source: unknown source "nobody"');
    });
  });
});

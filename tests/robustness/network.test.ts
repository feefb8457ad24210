// A pack server that is slow, hangs, fails, answers HTML, drops the connection or changes between
// visits: every element shows the cached pack with a notice, or a clear message.
import { expect, fixture, html } from '@open-wc/testing';
import { createRecordStore, loadPack, type CachedPack, type Pack } from '@netwerkkracht/core';
import { uniqueName } from '../fixtures/pack.js';
import { $, until } from '../components/harness.js';
import { basePack, sequenceUrl, watchPage } from './corpus.js';
import { renderEach, say, type NkHost } from './elements.js';
import { COMPONENTS, pageView } from './frames.js';

const key = () => uniqueName('seq');
const shownTitle = (el: Element) => say(el, el.getAttribute('mode') === 'daily' ? '[part=tip-title]' : '[part=heading]');

/** What an earlier visit left in the elements' cache. */
async function seed(url: string): Promise<void> {
  const pack = { ...basePack(), id: 'earlier', title: 'Earlier pack' } as Pack;
  pack.tips = pack.tips.map((tip) => ({ ...tip, title: `Earlier ${tip.title}` }));
  pack.contacts![0]!.name = 'Earlier Anna';
  pack.checklists![0]!.title = 'Earlier checklist';
  await createRecordStore<CachedPack>('netwerkkracht-packs', { broadcast: false }).write(url, { pack, storedAt: new Date().toISOString() });
}

const FAILURES: [step: string, reason: RegExp][] = [
  ['404', /the server answered 404/],
  ['500', /the server answered 500/],
  ['503', /the server answered 503/],
  ['html', /not valid JSON/],
  ['truncated', /not valid JSON/],
  ['invalid', /the pack is not valid: tips: /],
  ['reset', /the pack could not be fetched/],
];

describe('a misbehaving pack server', () => {
  const page = watchPage();
  beforeEach(() => page.start());
  afterEach(() => {
    page.stop();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
  });

  for (const [step, reason] of FAILURES) {
    it(`${step}, nothing cached: every element says why`, async () => {
      const { elements } = await renderEach({ pack: sequenceUrl(key(), step) });
      for (const el of elements) {
        expect($(el, '[role=alert]')?.getAttribute('part'), el.localName).to.equal('error');
        expect(say(el, '[role=alert]'), el.localName).to.match(reason);
      }
    });

    it(`${step}, a copy cached: every element shows it and says it is an earlier copy`, async () => {
      const url = sequenceUrl(key(), step);
      await seed(url);
      const { elements } = await renderEach({ pack: url });
      // The copy shows at once; the notice comes with the answer of the background check.
      await until(() => elements.every((el) => say(el, '[part=notice]')), 'every element has checked the network');
      for (const el of elements) {
        expect(shownTitle(el), el.localName).to.match(/^Earlier/);
        expect(say(el, '[part=notice]'), el.localName).to.match(/copy saved earlier/);
        expect($(el, '[role=alert]'), el.localName).to.equal(null);
      }
    });
  }

  it('slow: shows a placeholder that keeps the space, then the pack', async () => {
    const el = await fixture<NkHost>(html`<nk-tip-deck lang="en" pack=${sequenceUrl(key(), 'slow')}></nk-tip-deck>`);
    const loading = $(el, '[part=loading]');
    expect(loading?.getAttribute('aria-busy')).to.equal('true');
    expect(el.getBoundingClientRect().height).to.be.above(40);
    await until(() => say(el, '[part=heading]') === 'Base pack', 'the pack arrives');
  });

  it('hangs: gives up after 10 s with a message, or shows the cached copy', async function () {
    this.timeout(20_000);
    const fresh = sequenceUrl(key(), 'hang');
    const cached = sequenceUrl(key(), 'hang');
    await seed(cached);
    const container = await fixture<HTMLElement>(html`<div>
      <nk-tip-card lang="en" pack=${fresh} tip="risks"></nk-tip-card>
      <nk-network-checklist lang="en" pack=${cached} checklist="meeting"></nk-network-checklist>
    </div>`);
    const [card, list] = [...container.children] as NkHost[];
    expect($(card!, '[part=loading]'), 'loading while it waits').to.exist;
    // Each gives up on its own timer: the card with nothing to show, the list on its background check.
    await until(() => $(card!, '[role=alert]') && say(list!, '[part=notice]'), 'both give up waiting', 15_000);
    expect(say(card!, '[role=alert]')).to.match(/the server did not answer within 10 s/);
    expect(say(list!, '[part=heading]')).to.equal('Earlier checklist');
    expect(say(list!, '[part=notice]')).to.match(/copy saved earlier/);
  });

  it("says what went wrong in the element's own language", async () => {
    const el = await fixture<NkHost>(html`<nk-tip-deck lang="nl" pack=${sequenceUrl(key(), '500')}></nk-tip-deck>`);
    await until(() => $(el, '[role=alert]'), 'the alert shows');
    expect(say(el, '[role=alert]')).to.equal('De inhoud kon niet worden geladen: de server antwoordde 500 Internal Server Error.');
  });

  it('asks the network again for the next element after a cached copy was shown, and new data drops the notice', async () => {
    const url = sequenceUrl(key(), '500', 'good');
    await seed(url);
    const first = await fixture<NkHost>(html`<nk-tip-deck lang="en" pack=${url}></nk-tip-deck>`);
    await until(() => say(first, '[part=notice]'), 'the first shows the earlier copy');
    const second = await fixture<NkHost>(html`<nk-tip-deck lang="en" pack=${url}></nk-tip-deck>`);
    await until(() => say(second, '[part=heading]') === 'Base pack', 'the second asked the network again');
    expect(say(second, '[part=notice]')).to.equal('');
    first.packData = { ...basePack(), id: uniqueName('given'), title: 'Given pack' } as Pack;
    await until(() => say(first, '[part=heading]') === 'Given pack', 'the given pack shows');
    expect(say(first, '[part=notice]'), 'no notice of an earlier copy').to.equal('');
  });

  it('lets an element removed while loading take nothing, and load when it is put back', async () => {
    const url = sequenceUrl(key(), 'slow');
    const holder = await fixture<HTMLDivElement>(html`<div></div>`);
    const el = document.createElement('nk-tip-deck') as NkHost;
    el.setAttribute('lang', 'en');
    el.setAttribute('pack', url);
    const heard: boolean[] = [];
    el.addEventListener('nk-pack-load', () => heard.push(el.isConnected));
    holder.append(el);
    await el.updateComplete;
    el.remove();
    // The same address: this resolves with the element's own (shared) load.
    await loadPack(url);
    await Promise.resolve();
    expect(heard, 'no load event while removed').to.deep.equal([]);
    holder.append(el);
    await until(() => say(el, '[part=heading]') === 'Base pack', 'it loads when put back');
    expect(heard).to.deep.equal([true]);
  });

  it('changes between visits: each visit shows the newest good pack, and the last good one when it breaks', async function () {
    this.timeout(20_000);
    const url = sequenceUrl(key(), 'good', 'changed', '500', 'reset', 'html');
    const body = `<nk-tip-deck lang="en" pack="${url}"></nk-tip-deck><nk-network-checklist lang="en" pack="${url}" checklist="meeting"></nk-network-checklist>`;
    // A visit shows the stored copy first and checks the network in the background: each visit
    // waits for what that check must end in.
    const visit = async (settled: (seen: { deck: string; notice: string }) => boolean) => {
      const view = await pageView(body);
      await view.load(COMPONENTS, (win) => win.customElements.get('nk-tip-deck') && win.customElements.get('nk-network-checklist'));
      const [deck, list] = [view.doc.querySelector('nk-tip-deck')!, view.doc.querySelector('nk-network-checklist')!];
      const look = () => ({ deck: say(deck, '[part=heading]'), notice: say(deck, '[part=notice]'), alert: say(deck, '[role=alert]') });
      await until(() => say(list, '[part=heading]') && settled(look()), 'the visit shows the pack it should');
      const seen = look();
      view.close();
      return seen;
    };
    expect(await visit((seen) => !!seen.deck)).to.deep.equal({ deck: 'Base pack', notice: '', alert: '' });
    expect(await visit((seen) => seen.deck === 'Changed pack')).to.deep.equal({ deck: 'Changed pack', notice: '', alert: '' });
    for (let i = 0; i < 3; i++) {
      const seen = await visit((look) => !!look.notice);
      expect(seen.deck, `broken visit ${i + 1}`).to.equal('Changed pack');
      expect(seen.notice).to.match(/copy saved earlier/);
    }
  });
});

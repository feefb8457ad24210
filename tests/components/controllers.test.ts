// The behaviour the elements share, tested once on a bare element of the test's own: the live
// region that says a message again, copying, picking the entry again, and the tip's markup.
import { expect, fixture, html } from '@open-wc/testing';
import { render, type PropertyValues } from 'lit';
import type { Pack } from '@netwerkkracht/core';
import { CopyController } from '../../packages/components/src/internal/copy.js';
import { FavouritesController } from '../../packages/components/src/internal/favourites.js';
import { LiveMessage } from '../../packages/components/src/internal/live-message.js';
import { NkElement } from '../../packages/components/src/internal/nk-element.js';
import { CARD_FRAME, DECK_FRAME, indexOf, renderTip } from '../../packages/components/src/internal/tip.js';
import { stubClipboard } from '../fixtures/browser-apis.js';
import { recordTexts } from '../fixtures/live-region.js';
import { $, $$, ownPack, text, until } from './harness.js';

/** How long the next host's live region keeps a message (0: until the next one). */
let showFor = 0;

/** An element with a live region, copying and favourites, showing the entry `entry` of its pack. */
class TestHost extends NkElement {
  static override properties = { ...NkElement.properties, entry: { type: String } };
  declare entry: string | undefined;
  live = new LiveMessage(this, showFor);
  copier = new CopyController(this, this.live);
  favourites = new FavouritesController(this);
  picked: (string | undefined)[] = [];
  /** How often the element has rendered. */
  updates = 0;

  protected override updated(): void {
    this.updates++;
  }

  protected override needsPack(): boolean {
    return false;
  }

  protected override packChanged(): void {
    this.picked.push(this.entry);
    this.status = 'ready';
    if (this.data) void this.favourites.show(this.data.id);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.selectAgain(changed, 'entry');
  }

  protected override render() {
    return html`<section part="base">
      <p part="status" role="status">${this.live.text}</p>
      ${this.favourites.renderMessage()}
    </section>`;
  }
}
customElements.define('nk-test-host', TestHost);

async function host(pack?: Pack, keepFor = 0): Promise<TestHost> {
  showFor = keepFor;
  const el = await fixture<TestHost>(html`<nk-test-host lang="en" .packData=${pack}></nk-test-host>`);
  showFor = 0;
  await until(() => $(el, '[part=base]'), 'the host renders');
  return el;
}

describe('LiveMessage', () => {
  it('says a message, and the same message again after emptying the region', async () => {
    const el = await host();
    await el.live.say('Copied');
    await el.updateComplete;
    const record = recordTexts($(el, '[part=status]')!);
    await el.live.say('Copied');
    await until(() => record.texts.at(-1) === 'Copied', 'it is said again');
    record.stop();
    expect(record.texts).to.deep.equal(['', 'Copied']);
  });

  it('empties the region after `showFor`, and when the element goes', async () => {
    const el = await host(undefined, 50);
    await el.live.say('Saved');
    await until(() => text(el, '[part=status]') === 'Saved', 'it is said');
    await until(() => text(el, '[part=status]') === '', 'it goes after a while');
    await el.live.say('Saved');
    el.remove();
    expect(el.live.text).to.equal('');
  });
});

describe('CopyController', () => {
  let clipboard: ReturnType<typeof stubClipboard>;
  afterEach(() => clipboard.restore());

  it('copies, says so and fires nk-copy (with the template id, when there is one)', async () => {
    clipboard = stubClipboard();
    const el = await host();
    const fired: unknown[] = [];
    el.addEventListener('nk-copy', (event) => fired.push(event.detail));
    expect(await el.copier.copy('one')).to.equal(true);
    expect(await el.copier.copy('two', { template: 'agenda' })).to.equal(true);
    expect(await el.copier.copy('three', { event: false })).to.equal(true);
    expect(clipboard.copied).to.deep.equal(['one', 'two', 'three']);
    expect(fired).to.deep.equal([{ text: 'one' }, { text: 'two', template: 'agenda' }]);
    await until(() => text(el, '[part=status]') === 'Copied', 'it says so');
  });

  it('says how to copy by hand when copying fails, and fires nothing', async () => {
    clipboard = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
    const execCommand = document.execCommand;
    document.execCommand = () => false;
    try {
      const el = await host();
      let fired = false;
      el.addEventListener('nk-copy', () => (fired = true));
      expect(await el.copier.copy('one')).to.equal(false);
      await until(() => text(el, '[part=status]')?.startsWith('Copying did not work'), 'the failure is said');
      expect(fired).to.equal(false);
    } finally {
      document.execCommand = execCommand;
    }
  });
});

describe('CopyController.download', () => {
  /** Catches the download link the controller clicks, and keeps it from navigating. */
  function catchDownloads() {
    const files: { name: string; text: Promise<string> }[] = [];
    const listen = (event: MouseEvent) => {
      const link = event.target;
      if (!(link instanceof HTMLAnchorElement) || !link.download) return;
      event.preventDefault();
      files.push({ name: link.download, text: fetch(link.href).then((r) => r.text()) });
    };
    document.addEventListener('click', listen, true);
    return { files, stop: () => document.removeEventListener('click', listen, true) };
  }

  it('offers the file made, and says what it was told to', async () => {
    const downloads = catchDownloads();
    try {
      const el = await host();
      const offered = await el.copier.download(async () => ({ name: 'list.ics', type: 'text/calendar', text: 'BEGIN:VCALENDAR' }), 'In your calendar');
      expect(offered).to.equal(true);
      expect(downloads.files.map((f) => f.name)).to.deep.equal(['list.ics']);
      expect(await downloads.files[0]!.text).to.equal('BEGIN:VCALENDAR');
      await until(() => text(el, '[part=status]') === 'In your calendar', 'it says so');
    } finally {
      downloads.stop();
    }
  });

  it('says that it did not work when the file cannot be made, offers nothing and does not throw', async () => {
    const downloads = catchDownloads();
    try {
      const el = await host();
      expect(await el.copier.download(() => Promise.reject(new Error('chunk did not load')), 'Saved')).to.equal(false);
      await until(() => text(el, '[part=status]') === 'That did not work. Please try again.', 'the failure is said');
      expect(await el.copier.download(async () => undefined, 'Saved'), 'a cancelled file').to.equal(false);
      expect(downloads.files).to.deep.equal([]);
      expect(text(el, '[part=status]'), 'a cancelled file says nothing new').to.equal('That did not work. Please try again.');
    } finally {
      downloads.stop();
    }
  });
});

describe('NkElement.selectAgain', () => {
  it('picks the entry again when its id changes, but waits for a new pack given with it', async () => {
    const pack = await ownPack();
    const el = await host(pack);
    el.entry = 'a';
    await el.updateComplete;
    expect(el.picked).to.deep.equal([undefined, 'a']);
    const other = await ownPack();
    el.entry = 'b';
    el.packData = other;
    await el.updateComplete;
    // Once, with the new pack: not first in the old one.
    expect(el.picked).to.deep.equal([undefined, 'a', 'b']);
  });
});

describe('FavouritesController', () => {
  it("writes each change on what the store holds, so two elements never drop each other's", async () => {
    const pack = await ownPack();
    const one = await host(pack);
    const two = await host(pack);
    await Promise.all([one.favourites.toggle('risks'), two.favourites.toggle('follow-up')]);
    await until(() => one.favourites.ids.length === 2 && two.favourites.ids.length === 2, 'both show both');
    expect([...one.favourites.ids].sort()).to.deep.equal(['follow-up', 'risks']);
    expect(await one.favourites.toggle('risks')).to.equal(false);
    await until(() => two.favourites.ids.join() === 'follow-up', 'the other follows');
    expect(one.favourites.renderMessage()).to.equal(two.favourites.renderMessage());
  });

  it('renders the other elements again only when a read finds other favourites', async () => {
    const pack = await ownPack();
    const one = await host(pack);
    await one.favourites.show(pack.id);
    await one.updateComplete;
    const before = one.updates;
    // Another element on the page reads the same favourites: nothing changed for the first.
    const two = await host(pack);
    await two.favourites.show(pack.id);
    await one.updateComplete;
    expect(one.updates).to.equal(before);
    await two.favourites.toggle('risks');
    await until(() => one.favourites.has('risks') && one.updates > before, 'the first shows the change');
  });
});

describe('renderTip', () => {
  it("renders title, body, topic labels, safe links only and the linked source, as text, in a deck's or a card's frame", async () => {
    const pack = await ownPack((p) => {
      p.tips[0]!.body = ['<b>not bold</b>'];
      p.tips[0]!.links = [
        { label: 'Good', url: 'https://example.org/' },
        { label: 'Bad', url: 'javascript:alert(1)' },
      ];
    });
    const tip = pack.tips[0]!;
    const root = document.createElement('div');
    root.attachShadow({ mode: 'open' });
    const view = { locale: 'en' as const, level: 4, between: html`<p class="between">between</p>`, after: html`<button>after</button>` };
    render(renderTip(tip, indexOf(pack), { ...view, frame: DECK_FRAME, titleId: 't-1' }), root.shadowRoot!);
    const article = $(root, 'article[part=tip]')!;
    const title = $(root, '[part=tip-title]')!;
    expect([title.getAttribute('aria-level'), title.textContent]).to.deep.equal(['4', tip.title]);
    expect(article.getAttribute('aria-labelledby')).to.equal(title.id);
    expect(article.lastElementChild!.textContent).to.equal('after');
    expect(text(root, '[part=body]')).to.equal('<b>not bold</b>');
    expect($$(root, '[part=tag]').map((li) => li.textContent)).to.deep.equal(tip.tags!.map((id) => indexOf(pack).tags.get(id) ?? id));
    expect($$<HTMLAnchorElement>(root, '[part=links] a').map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/']);
    expect(text(root, '[part=links]')).to.contain('Bad');
    expect($(root, '.between')!.nextElementSibling!.getAttribute('part')).to.equal('source');
    expect(text(root, '[part=source]')).to.equal('Source: Nederlands Jeugdinstituut');
    render(renderTip(tip, indexOf(pack), { ...view, frame: CARD_FRAME }), root.shadowRoot!);
    expect($(root, 'article[part~=base]')).to.exist;
    expect($(root, '[part=heading]')!.textContent).to.equal(tip.title);
  });
});

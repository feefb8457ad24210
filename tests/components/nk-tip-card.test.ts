import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createFavouritesStore, createRecordStore, templateMailto } from '@netwerkkracht/core';
import '../../packages/components/src/nk-tip-card/nk-tip-card.js';
import type { NkTipCard } from '../../packages/components/src/nk-tip-card/nk-tip-card.js';
import { define } from '../../packages/components/src/internal/define.js';
import { setDefaultPackBase } from '../../packages/components/src/internal/packs.js';
import { stubClipboard, stubShare } from '../fixtures/browser-apis.js';
import { press } from '../fixtures/keys.js';
import { sticksOut } from '../fixtures/layout.js';
import { saidOnSecondClick } from '../fixtures/live-region.js';
import { fixtureUrl, heldPack, uniqueName, validPack } from '../fixtures/pack.js';
import { $, button, ownPack, ready, text, until } from './harness.js';

const PACK = fixtureUrl('packs/valid.json');

async function card(template = html`<nk-tip-card lang="en" pack=${PACK} tip="risks"></nk-tip-card>`) {
  return ready(await fixture<NkTipCard>(template));
}

let xssCalls = 0;

describe('<nk-tip-card>', () => {
  let clipboard: ReturnType<typeof stubClipboard>;
  let share: ReturnType<typeof stubShare>;

  before(() => {
    setDefaultPackBase('/packages/content/packs/');
    (window as unknown as { __xss: () => void }).__xss = () => xssCalls++;
  });
  beforeEach(() => {
    clipboard = stubClipboard();
    share = stubShare(undefined);
  });
  afterEach(() => {
    clipboard.restore();
    share.restore();
  });

  describe('when the pack is still loading', () => {
    it('reserves space with an accessible placeholder', async () => {
      const el = await fixture<NkTipCard>(html`<nk-tip-card lang="en" pack="/test-server/slow?ms=3000" tip="risks"></nk-tip-card>`);
      const loading = $(el, '[part=loading]')!;
      expect(loading.getAttribute('aria-busy')).to.equal('true');
      expect(loading.textContent).to.contain('Loading');
      expect(el.getBoundingClientRect().height).to.be.above(80);
      await expect(el).to.be.accessible();
    });
  });

  describe('when it shows a tip from a pack', () => {
    it('shows the title as a level 3 heading, the body, the topics, links and the linked source', async () => {
      const el = await card();
      const heading = $(el, '[part=heading]')!;
      expect(heading.getAttribute('role')).to.equal('heading');
      expect(heading.getAttribute('aria-level')).to.equal('3');
      expect(heading.textContent).to.equal('Put risks on the agenda');
      expect([...el.shadowRoot!.querySelectorAll('[part=body] p')].map((p) => p.textContent)).to.deep.equal(['Every meeting.', 'Coördinate early.']);
      expect([...el.shadowRoot!.querySelectorAll('[part=tag]')].map((li) => li.textContent)).to.deep.equal(['Meetings']);
      expect($(el, '[part=tags]')!.getAttribute('aria-label')).to.equal('Topics');
      const link = $<HTMLAnchorElement>(el, '[part=links] a')!;
      expect([link.textContent, link.getAttribute('href')]).to.deep.equal(['Read more', 'https://www.nji.nl/']);
      expect(text(el, '[part=source]')).to.equal('Source: Nederlands Jeugdinstituut');
      expect($<HTMLAnchorElement>(el, '[part=source] a')!.getAttribute('href')).to.equal('https://www.nji.nl/');
      await expect(el).to.be.accessible();
    });

    it('falls back to the tag id when the pack has no label, and shows a source without URL as text', async () => {
      const pack = await ownPack((p) => {
        p.tags = [];
        delete p.sources![0]!.url;
      });
      const el = await card(html`<nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>`);
      expect(text(el, '[part=tag]')).to.equal('overleg');
      expect($(el, '[part=source] a')).to.equal(null);
      expect(text(el, '[part=source]')).to.equal('Source: Nederlands Jeugdinstituut');
    });

    it('leaves out topics, links and source when the tip has none', async () => {
      const el = await card(html`<nk-tip-card lang="en" pack=${PACK} tip="just-do-it"></nk-tip-card>`);
      expect(text(el, '[part=heading]')).to.equal('Just start');
      expect($(el, '[part=tags]')).to.equal(null);
      expect($(el, '[part=links]')).to.equal(null);
      expect($(el, '[part=source]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('uses heading-level for the heading', async () => {
      const el = await card(html`<nk-tip-card lang="en" pack=${PACK} tip="risks" heading-level="2"></nk-tip-card>`);
      expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('2');
      el.headingLevel = 9;
      await el.updateComplete;
      expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('6');
    });

    it('shows another tip when the tip attribute changes', async () => {
      const el = await card();
      el.setAttribute('tip', 'follow-up');
      await until(() => text(el, '[part=heading]') === 'Follow up', 'the new tip shows');
      expect(text(el, '[part=tag]')).to.equal('Follow-up');
    });

    it('shows no alert while the pack of a new tip loads, when pack and tip change together', async () => {
      // A pack without "just-do-it"; the slow one has it.
      const el = await card(html`<nk-tip-card lang="en" pack=${`/test-server/sequence/${uniqueName('base')}/good`} tip="risks"></nk-tip-card>`);
      expect(text(el, '[part=heading]')).to.equal('Put risks on the agenda');
      const alerts: string[] = [];
      const watch = new MutationObserver(() => {
        const alert = $(el, '[role=alert]');
        if (alert) alerts.push(alert.textContent!);
      });
      watch.observe(el.shadowRoot!, { childList: true, subtree: true, characterData: true });
      el.pack = '/test-server/slow?ms=400';
      el.tip = 'just-do-it';
      await until(() => text(el, '[part=heading]') === 'Just start', 'the new tip shows');
      watch.disconnect();
      expect(alerts).to.deep.equal([]);
    });

    it('does not carry the favourite state over to another tip', async () => {
      const pack = await ownPack();
      const el = await card(html`<nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>`);
      button(el, 'favourite').click();
      await until(() => button(el, 'favourite').getAttribute('aria-pressed') === 'true', 'risks is a favourite');
      el.tip = 'follow-up';
      await el.updateComplete;
      expect(text(el, '[part=heading]')).to.equal('Follow up');
      expect(button(el, 'favourite').getAttribute('aria-pressed')).to.equal('false');
    });

    it('hides the buttons with hide-actions', async () => {
      const el = await card(html`<nk-tip-card lang="en" pack=${PACK} tip="risks" hide-actions></nk-tip-card>`);
      expect($(el, '[part=actions]')).to.equal(null);
      expect(text(el, '[part=heading]')).to.equal('Put risks on the agenda');
      await expect(el).to.be.accessible();
    });
  });

  describe('when used inline, without a pack', () => {
    const inline = () =>
      card(html`<nk-tip-card lang="en" source="Youth institute">
        <h3 slot="title">Inline title</h3>
        <p>First paragraph.</p>
        <p>Second paragraph.</p>
      </nk-tip-card>`);

    it('shows its own light-DOM content through the title and default slots, without loading a pack', async () => {
      const el = await inline();
      expect($(el, '[part=loading]')).to.equal(null);
      const title = el.querySelector('h3')!;
      expect(title.assignedSlot?.name).to.equal('title');
      expect(el.querySelector('p')!.assignedSlot?.name).to.equal('');
      expect(title.getBoundingClientRect().height).to.be.above(0);
      expect(text(el, '[part=source]')).to.equal('Source: Youth institute');
      await expect(el).to.be.accessible();
    });

    it('offers copy and share, but no favourite (an inline tip has no id to keep)', async () => {
      const el = await inline();
      expect(button(el, 'copy')).to.exist;
      expect(button(el, 'share')).to.exist;
      expect($(el, '[part~=favourite]')).to.equal(null);
      setTimeout(() => button(el, 'copy').click());
      const { detail } = await oneEvent(el, 'nk-copy');
      expect(detail.text).to.equal('Inline title\n\nFirst paragraph.\n\nSecond paragraph.\n\nSource: Youth institute');
    });

    it("copies nothing when the host page's own button in the card is clicked", async () => {
      const el = await card(html`<nk-tip-card lang="en">
        <h3 slot="title">Host button</h3>
        <p><button part="copy" class="host">Body</button></p>
      </nk-tip-card>`);
      el.querySelector<HTMLButtonElement>('button.host')!.click();
      // A copy started by that click would reach the clipboard before this one, which copies the new title.
      el.querySelector('h3')!.textContent = 'Own button';
      button(el, 'copy').click();
      await until(() => clipboard.copied.length > 0 && clipboard.copied.at(-1)!.startsWith('Own button'), 'the card copies on its own button');
      expect(clipboard.copied).to.deep.equal(['Own button\n\nBody']);
    });

    it('takes the source from the source slot, e.g. a link', async () => {
      const el = await card(html`<nk-tip-card lang="en">
        <h3 slot="title">Linked source</h3>
        <p>Body.</p>
        <a slot="source" href="https://www.nji.nl/">NJI</a>
      </nk-tip-card>`);
      expect(el.querySelector('a')!.assignedSlot?.name).to.equal('source');
      expect(text(el, '[part=source]')).to.equal('Source:');
      await expect(el).to.be.accessible();
    });

    it('shows a source added after the first render', async () => {
      const el = await card(html`<nk-tip-card lang="en"><h3 slot="title">Late source</h3><p>Body.</p></nk-tip-card>`);
      expect($(el, '[part=source]')?.hidden ?? true, 'no source yet').to.equal(true);
      const link = Object.assign(document.createElement('a'), { slot: 'source', href: 'https://www.nji.nl/', textContent: 'NJI' });
      el.append(link);
      await until(() => $(el, '[part=source]') && !$(el, '[part=source]')!.hidden, 'the source line shows');
      expect(link.assignedSlot?.name).to.equal('source');
      expect(link.getBoundingClientRect().height).to.be.above(0);
      await expect(el).to.be.accessible();
    });

    it('copies what a reader sees: no comments or scripts, and the slotted source last with its label', async () => {
      const el = await card(
        html`<nk-tip-card lang="en"><!-- wp:heading --><h3 slot="title">Block title</h3><!-- /wp:heading --><a slot="source" href="https://www.nji.nl/">NJI</a><!-- wp:paragraph --><p>Block body.</p><!-- /wp:paragraph --><script type="application/json">{"x":1}</script></nk-tip-card>`,
      );
      setTimeout(() => button(el, 'copy').click());
      const { detail } = await oneEvent(el, 'nk-copy');
      expect(detail.text).to.equal('Block title\n\nBlock body.\n\nSource: NJI');
    });

    it('shows content that arrives after the element upgraded (a page still parsing)', async () => {
      const el = await card(html`<nk-tip-card lang="en"></nk-tip-card>`);
      expect(text(el, '.muted')).to.equal('There is nothing to show here yet.');
      await expect(el).to.be.accessible();
      el.innerHTML = '<h3 slot="title">Late title</h3><p>Late body.</p>';
      await until(() => !$(el, '.muted') && $(el, '[part=actions]'), 'the late content counts');
      expect(el.querySelector('h3')!.assignedSlot?.name).to.equal('title');
    });
  });

  describe('when the tip links templates', () => {
    const copyTemplate = (el: Element) => $<HTMLButtonElement>(el, 'button[part~=copy-template]')!;

    it('lists them with their title, their text on opening, and a copy button named after the template', async () => {
      const el = await card();
      const list = $(el, '[part=templates]')!;
      expect(list.getAttribute('aria-label')).to.equal('Templates');
      const summary = $(el, '[part=template-title]')!;
      expect(summary.textContent).to.equal('Partner meeting agenda');
      expect($<HTMLDetailsElement>(el, '[part=template] details')!.open).to.equal(false);
      await press(summary, 'Enter');
      await until(() => $<HTMLDetailsElement>(el, '[part=template] details')!.open, 'the text opens with the keyboard');
      // Plain text with its lines, places to fill in as written: nothing in it is markup.
      expect($(el, '[part=template-text]')!.textContent).to.equal('1. What went well?\n2. Risks and sticking points: [risk]\nNext meeting: [date]');
      const button = copyTemplate(el);
      expect(button.localName).to.equal('button');
      expect(button.getAttribute('aria-label')).to.equal('Copy agenda: Partner meeting agenda');
      expect(button.textContent!.trim()).to.equal('Copy agenda');
      // An agenda goes into a calendar invitation or a document, not into a new e-mail of its own.
      expect($(el, '[part=template-mail]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('copies the template text, says "Copied" in its live region and fires nk-copy with the template id', async () => {
      const el = await card();
      setTimeout(() => copyTemplate(el).click());
      const { detail } = await oneEvent(el, 'nk-copy');
      expect(detail).to.deep.equal({ text: '1. What went well?\n2. Risks and sticking points: [risk]\nNext meeting: [date]', template: 'agenda' });
      expect(clipboard.copied).to.deep.equal([detail.text]);
      await until(() => text(el, '[part=status]') === 'Copied', 'the confirmation shows');
      const again = await card();
      const texts = await saidOnSecondClick($(again, '[part=status]')!, copyTemplate(again), 'Copied', until);
      expect(texts, 'a second copy is said again').to.deep.equal(['', 'Copied']);
    });

    it('says so when copying the template fails', async () => {
      clipboard.restore();
      clipboard = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
      const el = await card();
      const execCommand = document.execCommand;
      document.execCommand = () => false;
      try {
        copyTemplate(el).click();
        await until(() => text(el, '[part=status]')?.startsWith('Copying did not work'), 'the failure is said');
      } finally {
        document.execCommand = execCommand;
      }
    });

    it('opens an e-mail template as a new e-mail, with the subject and the lines only in the body', async () => {
      const el = await card(html`<nk-tip-card lang="nl" pack=${PACK} tip="follow-up"></nk-tip-card>`);
      const link = $<HTMLAnchorElement>(el, 'a[part=template-mail]')!;
      expect(link.getAttribute('aria-label')).to.equal('Openen als e-mail: Follow-up e-mail');
      expect(copyTemplate(el).getAttribute('aria-label')).to.equal('E-mail kopiëren: Follow-up e-mail');
      const pack = await validPack();
      const template = pack.templates!.find((t) => t.id === 'follow-mail')!;
      expect(link.getAttribute('href')).to.equal(templateMailto(template));
      const url = new URL(link.href);
      expect(url.protocol).to.equal('mailto:');
      expect(url.pathname, 'no recipient').to.equal('');
      expect([...url.searchParams.keys()], 'no field besides subject and body').to.deep.equal(['subject', 'body']);
      expect(url.searchParams.get('subject')).to.equal('Thanks & next steps?=[date]');
      expect(url.searchParams.get('body')).to.equal('Dear all,\r\nThanks for coming.\r\nAgreed: [what], [who], [when]\r\nBcc: not a header');
      expect(link.href, 'no raw line break').not.to.match(/[\r\n]/);
      await expect(el).to.be.accessible();
    });

    it('shows no template list for a tip without templates', async () => {
      const el = await card(html`<nk-tip-card lang="en" pack=${PACK} tip="just-do-it"></nk-tip-card>`);
      expect($(el, '[part=templates]')).to.equal(null);
    });
  });

  describe('when pre-rendered (its tip in the page, as the snippet writer puts it)', () => {
    it('shows that content at once and waits for no pack', async () => {
      const never = new URL(`/test-server/gate/${uniqueName('never')}`, location.href).href;
      const el = await fixture<NkTipCard>(html`<nk-tip-card lang="en" tip="risks" pack=${never}>
        <h3 slot="title">Put risks on the agenda</h3>
        <p>Every meeting.</p>
        <span slot="source">NJI</span>
      </nk-tip-card>`);
      await el.updateComplete;
      expect($(el, '[part=loading]')).to.equal(null);
      const title = $<HTMLSlotElement>(el, 'slot[name=title]')!;
      expect(title.assignedElements().map((e) => e.textContent)).to.deep.equal(['Put risks on the agenda']);
      expect(text(el, '[part=source]')).to.equal('Source:');
      expect(el.querySelector('[slot=source]')!.assignedSlot?.name).to.equal('source');
      expect(button(el, 'copy')).to.exist;
      await expect(el).to.be.accessible();
    });
  });

  describe('when the tip is copied', () => {
    it('copies the tip as text, says "Copied" in a polite live region and fires nk-copy', async () => {
      const el = await card();
      const status = $(el, '[part=status]')!;
      expect(status.getAttribute('role')).to.equal('status');
      setTimeout(() => button(el, 'copy').click());
      const { detail } = await oneEvent(el, 'nk-copy');
      expect(detail.text).to.equal(
        'Put risks on the agenda\n\nEvery meeting.\n\nCoördinate early.\n\nRead more: https://www.nji.nl/\n\nSource: Nederlands Jeugdinstituut (https://www.nji.nl/)',
      );
      expect(clipboard.copied).to.deep.equal([detail.text]);
      await until(() => status.textContent === 'Copied', 'the confirmation shows');
      expect(getComputedStyle(status).display).not.to.equal('none');
      await expect(el).to.be.accessible();
    });

    it('announces a second copy again', async () => {
      const el = await card();
      const texts = await saidOnSecondClick($(el, '[part=status]')!, button(el, 'copy'), 'Copied', until);
      expect(clipboard.copied).to.have.length(2);
      expect(texts, 'emptied, then said again').to.deep.equal(['', 'Copied']);
    });

    it('says so when copying fails, and fires no event', async () => {
      clipboard.restore();
      clipboard = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
      const execCommand = document.execCommand;
      document.execCommand = () => false;
      try {
        const el = await card();
        let fired = false;
        el.addEventListener('nk-copy', () => (fired = true));
        button(el, 'copy').click();
        await until(() => text(el, '[part=status]')?.startsWith('Copying did not work'), 'the failure is told');
        expect(fired).to.be.false;
        await expect(el).to.be.accessible();
      } finally {
        document.execCommand = execCommand;
      }
    });

    it('works from the keyboard', async () => {
      const el = await card();
      button(el, 'copy').focus();
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'copy'));
      const copied = oneEvent(el, 'nk-copy');
      await sendKeys({ press: 'Enter' });
      await copied;
    });
  });

  describe('when the tip is shared', () => {
    it('opens the share sheet where there is one', async () => {
      const shared: ShareData[] = [];
      share.restore();
      share = stubShare(async (data) => void shared.push(data));
      const el = await card();
      setTimeout(() => button(el, 'share').click());
      const { detail } = await oneEvent(el, 'nk-share');
      expect(detail).to.deep.equal({ tipId: 'risks', via: 'share' });
      expect(shared[0]!.title).to.equal('Put risks on the agenda');
      expect(shared[0]!.text).to.contain('Every meeting.');
      expect(clipboard.copied).to.be.empty;
    });

    it('copies instead where there is no share sheet, and says "Copied"', async () => {
      const el = await card();
      setTimeout(() => button(el, 'share').click());
      const { detail } = await oneEvent(el, 'nk-share');
      expect(detail).to.deep.equal({ tipId: 'risks', via: 'copy' });
      expect(clipboard.copied[0]).to.contain('Put risks on the agenda');
      expect(text(el, '[part=status]')).to.equal('Copied');
    });

    it('does nothing more when the person closes the share sheet', async () => {
      let asked = false;
      share.restore();
      share = stubShare(() => {
        asked = true;
        return Promise.reject(new DOMException('closed', 'AbortError'));
      });
      const el = await card();
      let fired = false;
      el.addEventListener('nk-share', () => (fired = true));
      el.addEventListener('nk-copy', () => (fired = true));
      button(el, 'share').click();
      await until(() => asked, 'the share sheet was asked for');
      await el.updateComplete;
      expect(fired).to.be.false;
      expect(clipboard.copied).to.be.empty;
    });

    it('copies when the share sheet refuses for another reason', async () => {
      share.restore();
      share = stubShare(() => Promise.reject(new DOMException('no', 'NotAllowedError')));
      const el = await card();
      setTimeout(() => button(el, 'share').click());
      expect((await oneEvent(el, 'nk-share')).detail.via).to.equal('copy');
    });
  });

  describe('when the tip is saved as favourite', () => {
    it('toggles an aria-pressed button, fires nk-favourite-change and keeps it across a reload', async () => {
      const pack = await ownPack();
      const el = await card(html`<nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>`);
      const fav = button(el, 'favourite');
      expect(fav.getAttribute('aria-pressed')).to.equal('false');
      expect(fav.textContent!.trim()).to.equal('Favourite');
      setTimeout(() => fav.click());
      const { detail } = await oneEvent(el, 'nk-favourite-change');
      expect(detail).to.deep.equal({ packId: pack.id, tipId: 'risks', favourite: true });
      expect(fav.getAttribute('aria-pressed')).to.equal('true');
      await expect(el).to.be.accessible();
      // A new store instance reads IndexedDB afresh, as the page would after a reload.
      expect(await createFavouritesStore(createRecordStore('netwerkkracht-favourites', { broadcast: false })).read(pack.id)).to.deep.equal(['risks']);
      const again = await card(html`<nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>`);
      await until(() => button(again, 'favourite').getAttribute('aria-pressed') === 'true', 'the saved favourite shows');

      setTimeout(() => fav.click());
      expect((await oneEvent(el, 'nk-favourite-change')).detail.favourite).to.be.false;
      expect(await createFavouritesStore(createRecordStore('netwerkkracht-favourites', { broadcast: false })).read(pack.id)).to.deep.equal([]);
    });

    it('keeps two cards on the page in step', async () => {
      const pack = await ownPack();
      const wrapper = await fixture(html`<div lang="en">
        <nk-tip-card .packData=${pack} tip="risks"></nk-tip-card>
        <nk-tip-card .packData=${pack} tip="risks"></nk-tip-card>
        <nk-tip-card .packData=${pack} tip="follow-up"></nk-tip-card>
      </div>`);
      const [one, two, other] = [...wrapper.querySelectorAll('nk-tip-card')];
      await Promise.all([one, two, other].map((el) => ready(el!)));
      button(one!, 'favourite').click();
      await until(() => button(two!, 'favourite').getAttribute('aria-pressed') === 'true', 'the second card follows');
      expect(button(other!, 'favourite').getAttribute('aria-pressed')).to.equal('false');
      button(two!, 'favourite').click();
      await until(() => button(one!, 'favourite').getAttribute('aria-pressed') === 'false', 'the first card follows back');
    });

    it('toggles with Space from the keyboard', async () => {
      const pack = await ownPack();
      const el = await card(html`<nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>`);
      button(el, 'favourite').focus();
      const changed = oneEvent(el, 'nk-favourite-change');
      await sendKeys({ press: ' ' });
      expect((await changed).detail.favourite).to.be.true;
    });
  });

  describe('when a stored copy of the pack is older than the network one', () => {
    it('shows the stored copy at once and updates in place, keeping focus', async () => {
      const held = await heldPack((pack) => (pack.tips[0]!.title = 'Stored title'));
      const el = await card(html`<nk-tip-card lang="en" pack=${held.url} tip="risks"></nk-tip-card>`);
      expect(text(el, '[part=heading]')).to.equal('Stored title');
      const copy = button(el, 'copy');
      copy.focus();
      const updated = oneEvent(el, 'nk-pack-load');
      await held.open();
      expect((await updated).detail.origin).to.equal('network');
      await el.updateComplete;
      expect(text(el, '[part=heading]')).to.equal('Put risks on the agenda');
      expect(el.shadowRoot!.activeElement, 'focus stays on the same button').to.equal(copy);
      expect(button(el, 'copy')).to.equal(copy);
    });
  });

  describe('when the tip id is unknown', () => {
    it('says which tip is missing, with role="alert"', async () => {
      const el = await card(html`<nk-tip-card lang="en" pack=${PACK} tip="no-such-tip"></nk-tip-card>`);
      const error = $(el, '[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.equal('The tip "no-such-tip" is not in this content.');
      expect($(el, '[part~=base]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the pack cannot be loaded', () => {
    it('shows a readable message with role="alert" and fires nk-pack-error', async () => {
      const el = document.createElement('nk-tip-card');
      el.lang = 'en';
      el.tip = 'risks';
      el.pack = '/test-server/status/404';
      const failed = oneEvent(el, 'nk-pack-error');
      const host = await fixture(html`<div></div>`);
      host.append(el);
      await failed;
      await ready(el);
      const error = $(el, '[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.match(/^The content could not be loaded: .+\.$/);
      await expect(el).to.be.accessible();
    });

    it('keeps showing the tip when a later pack fails', async () => {
      const el = await card();
      el.pack = '/test-server/status/500';
      await until(() => $(el, '[part=error]'), 'the error shows');
      expect(text(el, '[part=heading]')).to.equal('Put risks on the agenda');
    });
  });

  describe('when no pack is given', () => {
    it("shows the tip from the default pack in the element's language", async () => {
      const en = await card(html`<nk-tip-card lang="en" tip="vast-agendapunt-risicos"></nk-tip-card>`);
      expect(text(en, '[part=heading]')).to.equal('Make risks and sticking points a standing item');
      const nl = await card(html`<nk-tip-card lang="nl" tip="vast-agendapunt-risicos"></nk-tip-card>`);
      expect(text(nl, '[part=heading]')).to.equal("Zet risico's en problemen vast op de agenda");
      await expect(nl).to.be.accessible();
    });
  });

  describe('when the language changes', () => {
    it("speaks Dutch or English, from its own lang or an ancestor's", async () => {
      const el = await card(html`<nk-tip-card lang="nl" pack=${PACK} tip="risks"></nk-tip-card>`);
      expect(button(el, 'copy').textContent!.trim()).to.equal('Kopiëren');
      expect(button(el, 'share').textContent!.trim()).to.equal('Delen');
      expect(text(el, '[part=source]')).to.equal('Bron: Nederlands Jeugdinstituut');
      el.lang = 'en';
      await until(() => button(el, 'copy').textContent!.trim() === 'Copy', 'English after switching');
      const wrapper = await fixture(html`<div lang="en-GB"><nk-tip-card pack=${PACK} tip="risks"></nk-tip-card></div>`);
      const child = await ready(wrapper.querySelector('nk-tip-card')!);
      expect(button(child, 'favourite').textContent!.trim()).to.equal('Favourite');
    });
  });

  describe('when a site sets theme tokens', () => {
    it('uses --nk-… tokens, then NL Design System --basis-… tokens', async () => {
      const nk = await fixture(html`<div style="--nk-color-accent: rgb(1, 2, 3); --basis-color-action-1-color-default: rgb(4, 5, 6)">
        <nk-tip-card lang="en" pack=${PACK} tip="risks"></nk-tip-card>
      </div>`);
      const a = await ready(nk.querySelector('nk-tip-card')!);
      expect(getComputedStyle($(a, '[part~=base]')!).borderTopColor).to.equal('rgb(1, 2, 3)');
      const basis = await fixture(html`<div style="--basis-color-action-1-color-default: rgb(4, 5, 6); --nk-radius: 3px">
        <nk-tip-card lang="en" pack=${PACK} tip="risks"></nk-tip-card>
      </div>`);
      const b = await ready(basis.querySelector('nk-tip-card')!);
      expect(getComputedStyle($(b, '[part~=base]')!).borderTopColor).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle(button(b, 'copy')).borderTopLeftRadius).to.equal('3px');
    });

    it('has a dark theme and exposes parts', async () => {
      const wrapper = await fixture(html`<div>
        <style>
          .themed::part(tag) { background-color: rgb(7, 8, 9); }
        </style>
        <nk-tip-card class="themed" theme="dark" lang="en" pack=${PACK} tip="risks"></nk-tip-card>
      </div>`);
      const el = await ready(wrapper.querySelector('nk-tip-card')!);
      expect(getComputedStyle($(el, '[part~=base]')!).backgroundColor).to.equal('rgb(28, 33, 41)');
      expect(getComputedStyle($(el, '[part=tag]')!).backgroundColor).to.equal('rgb(7, 8, 9)');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the pack holds HTML and script payloads', () => {
    it('shows them as literal text and runs nothing', async () => {
      xssCalls = 0;
      const el = await card(html`<nk-tip-card lang="en" pack=${fixtureUrl('packs/xss.json')} tip="evil-tip"></nk-tip-card>`);
      expect(text(el, '[part=heading]')).to.equal('Tip <img src=x onerror="window.__xss()"><script>window.__xss()</script>');
      expect(text(el, '[part=tag]')).to.contain('<script>window.__xss()</script>');
      expect(text(el, '[part=source]')).to.contain('Evil org <img src=x');
      expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
      expect(xssCalls).to.equal(0);
    });

    it('never turns a javascript: URL into a link', async () => {
      xssCalls = 0;
      const pack = await ownPack((p) => {
        p.tips[0]!.links = [{ label: 'Evil link', url: 'javascript:window.__xss()' }];
        p.sources![0]!.url = 'javascript:window.__xss()';
      });
      const el = await card(html`<nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>`);
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
      expect(text(el, '[part=links]')).to.equal('Evil link');
      expect(text(el, '[part=source]')).to.equal('Source: Nederlands Jeugdinstituut');
      setTimeout(() => button(el, 'copy').click());
      expect((await oneEvent(el, 'nk-copy')).detail.text).not.to.contain('javascript:');
      expect(xssCalls).to.equal(0);
    });
  });

  describe('when the host page has aggressive CSS', () => {
    let style: HTMLStyleElement;
    beforeEach(() => {
      style = document.createElement('style');
      style.textContent = '* { all: unset !important } html { font-size: 48px } button { display: none !important }';
      document.head.append(style);
    });
    afterEach(() => style.remove());

    it('stays readable and its buttons keep working', async () => {
      const el = await card();
      for (const part of ['base', 'heading', 'body', 'source', 'actions']) {
        const node = $(el, `[part~=${part}]`)!;
        expect(getComputedStyle(node).display, part).not.to.equal('none');
        expect(getComputedStyle(node).visibility, part).to.equal('visible');
        expect(node.getBoundingClientRect().height, part).to.be.above(0);
      }
      expect(getComputedStyle(el).display).to.equal('block');
      const copy = button(el, 'copy');
      expect(getComputedStyle(copy).display).not.to.equal('none');
      setTimeout(() => copy.click());
      await oneEvent(el, 'nk-copy');
    });

    it('keeps inline content readable', async () => {
      const el = await card(html`<nk-tip-card lang="en"><h3 slot="title">Inline</h3><p>Body text.</p></nk-tip-card>`);
      expect(el.querySelector('h3')!.getBoundingClientRect().height).to.be.above(0);
      expect(el.querySelector('p')!.getBoundingClientRect().height).to.be.above(0);
      expect(getComputedStyle(button(el, 'share')).display).not.to.equal('none');
    });
  });

  describe('when the card is 320 px wide', () => {
    it('does not scroll sideways', async () => {
      const wrapper = await fixture(html`<div style="inline-size: 320px">
        <nk-tip-card lang="nl" pack=${PACK} tip="risks"></nk-tip-card>
      </div>`);
      const el = await ready(wrapper.querySelector('nk-tip-card')!);
      const cardEl = $(el, '[part~=base]')!;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(cardEl.scrollWidth).to.be.at.most(cardEl.clientWidth);
      expect(sticksOut(el)).to.deep.equal([]);
    });
  });

  describe('when the bundle is loaded twice', () => {
    it('does not throw on the second definition', () => {
      expect(() => define('nk-tip-card', class extends HTMLElement {})).not.to.throw();
      expect(customElements.get('nk-tip-card')!.name).to.equal('NkTipCard');
    });
  });
});

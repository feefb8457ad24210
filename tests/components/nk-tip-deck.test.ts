import { expect, fixture, fixtureSync, html, oneEvent } from '@open-wc/testing';
import { sharedAudience, sharedFavourites, tipOfTheDay, type Pack } from '@netwerkkracht/core';
import '../../packages/components/src/nk-tip-deck/nk-tip-deck.js';
import type { NkTipDeck } from '../../packages/components/src/nk-tip-deck/nk-tip-deck.js';
import { define } from '../../packages/components/src/internal/define.js';
import { setDefaultPackBase } from '../../packages/components/src/internal/packs.js';
import { press, step, type } from '../fixtures/keys.js';
import { sticksOut } from '../fixtures/layout.js';
import { fixtureUrl, heldPack, uniqueName, validPack } from '../fixtures/pack.js';
import { $, $$, ready, until } from './harness.js';

const PACK = fixtureUrl('packs/valid.json');
const titles = (el: Element) => $$(el, '[part=tip-title]').map((t) => t.textContent);
const count = (el: Element) => $(el, '[part=count]')?.textContent;
const chip = (el: Element, name: string) => $$<HTMLButtonElement>(el, '[part=chip]').find((b) => b.textContent!.trim() === name)!;

async function deck(template = html`<nk-tip-deck lang="en" pack=${PACK}></nk-tip-deck>`) {
  return ready(await fixture<NkTipDeck>(template));
}

/** Types into the search field like a user: focus, then keys. */
async function search(el: NkTipDeck, text: string) {
  const input = $<HTMLInputElement>(el, 'input[type=search]')!;
  await type(input, text);
  await until(() => input.value === text, 'the text is typed');
}

/** A pack of `size` generated tips, tagged a/b, every tenth mentioning "Coördinatie". */
function bigPack(size: number): Pack {
  return {
    schemaVersion: 1,
    id: uniqueName('big'),
    locale: 'nl',
    title: 'Big pack',
    tags: [
      { id: 'even', label: 'Even' },
      { id: 'odd', label: 'Odd' },
    ],
    tips: Array.from({ length: size }, (_, i) => ({
      id: `tip-${i}`,
      title: `Tip number ${i}`,
      body: [i % 10 === 0 ? `Coördinatie ${i}` : `Body ${i}`],
      tags: [i % 2 ? 'odd' : 'even'],
    })),
  };
}

describe('<nk-tip-deck>', () => {
  describe('when a stored copy of the pack is older than the network one', () => {
    it('shows the stored copy at once and updates in place, keeping typed text and focus', async () => {
      const held = await heldPack((pack) => (pack.title = 'Stored deck'));
      const el = await deck(html`<nk-tip-deck lang="en" pack=${held.url}></nk-tip-deck>`);
      expect($(el, '[part=heading]')?.textContent).to.equal('Stored deck');
      await search(el, 'agenda');
      const input = $<HTMLInputElement>(el, 'input[type=search]')!;
      const updated = oneEvent(el, 'nk-pack-load');
      await held.open();
      expect((await updated).detail.origin).to.equal('network');
      await el.updateComplete;
      expect($(el, '[part=heading]')?.textContent).to.equal('Base pack');
      expect($(el, 'input[type=search]'), 'the same field').to.equal(input);
      expect([input.value, el.shadowRoot!.activeElement]).to.deep.equal(['agenda', input]);
      expect(titles(el)).to.deep.equal(['Put risks on the agenda']);
    });
  });

  describe('when the pack is still loading', () => {
    it('shows a placeholder that keeps the space', async () => {
      const el = await fixture<NkTipDeck>(html`<nk-tip-deck pack="/test-server/slow?ms=1500"></nk-tip-deck>`);
      expect($(el, '[part=loading]')!.getAttribute('aria-busy')).to.equal('true');
      expect($(el, '[part=loading]')!.getBoundingClientRect().height).to.be.greaterThan(40);
      await expect(el).to.be.accessible();
      await ready(el);
    });
  });

  describe('when it lists the tips of a pack (mode="list", the default)', () => {
    it('shows every tip with title, body, tags and source, a search field and topic chips', async () => {
      const el = await deck();
      expect(el.mode).to.equal('list');
      expect($(el, '[part=heading]')!.textContent).to.equal('Test pack');
      expect(titles(el)).to.deep.equal(['Put risks on the agenda', 'Follow up', 'Just start']);
      const first = $(el, '[part=tip]')!;
      expect(first.textContent).to.contain('Coördinate early.');
      expect(first.querySelector('[part=tags]')!.textContent).to.contain('Meetings');
      expect(first.querySelector('[part=source] a')!.getAttribute('href')).to.equal('https://www.nji.nl/');
      expect(first.querySelector('[part=tip-title]')!.getAttribute('aria-level')).to.equal('4');
      expect(count(el)).to.equal('3 tips');
      expect($(el, '[part=count]')!.getAttribute('aria-live')).to.equal('polite');
      const input = $<HTMLInputElement>(el, 'input[type=search]')!;
      expect(el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal('Search tips');
      expect($$(el, '[part=chip]').map((b) => [b.textContent!.trim(), b.getAttribute('aria-pressed')])).to.deep.equal([
        ['All', 'true'],
        ['Meetings', 'false'],
        ['Follow-up', 'false'],
      ]);
      await expect(el).to.be.accessible();
    });

    it('puts the headings at heading-level and below', async () => {
      const el = await deck(html`<nk-tip-deck lang="en" pack=${PACK} heading-level="2" label="Our tips"></nk-tip-deck>`);
      expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('2');
      expect($(el, '[part=heading]')!.textContent).to.equal('Our tips');
      expect($(el, '[part=tip-title]')!.getAttribute('aria-level')).to.equal('3');
    });
  });

  describe('when a topic chip is pressed', () => {
    it('filters, says how many, and fires nk-filter-change', async () => {
      const el = await deck();
      const event = oneEvent(el, 'nk-filter-change');
      chip(el, 'Meetings').click();
      expect((await event).detail).to.deep.equal({ tags: ['overleg'], query: '', count: 1 });
      await until(() => count(el) === '1 tip', 'count updates');
      expect(titles(el)).to.deep.equal(['Put risks on the agenda']);
      expect(chip(el, 'Meetings').getAttribute('aria-pressed')).to.equal('true');
      expect(chip(el, 'All').getAttribute('aria-pressed')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('works with the keyboard, and "All" clears the filter', async () => {
      const el = await deck();
      await press(chip(el, 'Follow-up'), 'Enter');
      await until(() => titles(el).join() === 'Follow up', 'filtered by keyboard');
      await press(chip(el, 'All'), ' ');
      await until(() => titles(el).length === 3, 'all tips again');
    });
  });

  describe('when the user searches', () => {
    it('ignores case and diacritics', async () => {
      const el = await deck();
      const event = oneEvent(el, 'nk-filter-change');
      await search(el, 'COORDINATE');
      await until(() => count(el) === '1 tip', 'one match');
      expect(titles(el)).to.deep.equal(['Put risks on the agenda']);
      expect((await event).detail.tags).to.deep.equal([]);
      await search(el, 'coördinate');
      await until(() => titles(el).join() === 'Put risks on the agenda', 'still one match');
      await search(el, 'zzz');
      await until(() => count(el) === 'No tips found.', 'says nothing was found');
      expect(titles(el)).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the user searches for a topic', () => {
    it('finds tips by the topic name shown on them, not only by the tag id', async () => {
      const el = await deck();
      await search(el, 'meetings');
      await until(() => count(el) === '1 tip', 'one match');
      expect(titles(el)).to.deep.equal(['Put risks on the agenda']);
      await search(el, 'follow-up');
      await until(() => titles(el).join() === 'Follow up', 'found by its topic');
    });
  });

  describe('when the tags attribute changes after a topic was chosen', () => {
    it('drops the chosen topic the new deck does not have, instead of hiding every tip', async () => {
      const el = await deck();
      chip(el, 'Meetings').click();
      await until(() => count(el) === '1 tip', 'filtered');
      el.tags = 'opvolging';
      await until(() => titles(el).join() === 'Follow up', 'the tip of the new deck shows');
      expect(count(el)).to.equal('1 tip');
      el.tags = '';
      await until(() => titles(el).length === 3, 'all tips again');
      expect(chip(el, 'All').getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('when page-size is not a positive number', () => {
    for (const size of ['abc', '0', '-5', '']) {
      it(`treats page-size="${size}" as the default of 20`, async () => {
        const el = await deck(html`<nk-tip-deck lang="en" pack=${PACK} page-size=${size}></nk-tip-deck>`);
        expect(titles(el)).to.have.length(3);
        expect($(el, '[part=more]')?.textContent ?? 'no button', 'all tips fit on one page').to.equal('no button');
      });
    }

    it('still pages by a valid page-size', async () => {
      const el = await deck(html`<nk-tip-deck lang="en" pack=${PACK} page-size="2"></nk-tip-deck>`);
      expect(titles(el)).to.have.length(2);
      expect($(el, '[part=more]')!.textContent!.trim()).to.equal('Show more (2 of 3)');
    });
  });

  describe('when the tags attribute is set', () => {
    it('restricts the deck to those tags', async () => {
      const el = await deck(html`<nk-tip-deck lang="en" pack=${PACK} tags="opvolging, overleg"></nk-tip-deck>`);
      expect(titles(el)).to.deep.equal(['Put risks on the agenda', 'Follow up']);
      el.tags = 'opvolging';
      await until(() => titles(el).join() === 'Follow up', 'the deck follows the attribute');
      expect($(el, '[part=filters]'), 'one topic needs no chips').to.equal(null);
    });
  });

  describe('when mode="daily"', () => {
    it('shows the tip of the day, stable for the date, and a way to the list', async () => {
      const el = await deck(html`<nk-tip-deck lang="en" pack=${PACK} mode="daily"></nk-tip-deck>`);
      const pack = await validPack();
      expect($(el, '[part=heading]')!.textContent).to.equal('Tip of the day');
      expect(titles(el)).to.deep.equal([tipOfTheDay(pack.tips, new Date(), pack.locale)!.title]);
      await expect(el).to.be.accessible();
      const again = await deck(html`<nk-tip-deck lang="en" pack=${PACK} mode="daily"></nk-tip-deck>`);
      expect(titles(again)).to.deep.equal(titles(el));
      await press($(el, '[part=more]')!, 'Enter');
      await until(() => el.shadowRoot!.activeElement === $(el, 'input[type=search]'), 'the list opens with focus on search');
      expect(titles(el)).to.have.length(3);
      await expect(el).to.be.accessible();
    });

    it('picks from the tags of the deck', async () => {
      const el = await deck(html`<nk-tip-deck lang="en" pack=${PACK} mode="daily" tags="opvolging"></nk-tip-deck>`);
      expect(titles(el)).to.deep.equal(['Follow up']);
    });
  });

  describe('when the pack says whom its tips are for', () => {
    /** The test pack with audiences: "Just start" is for schools, "Follow up" for youth work and schools. */
    async function rolePack(): Promise<Pack> {
      const pack = await validPack();
      pack.id = uniqueName('roles');
      pack.audiences = [
        { id: 'jongerenwerk', label: 'Youth work' },
        { id: 'school', label: 'School' },
      ];
      pack.tips[1]!.audiences = ['jongerenwerk', 'school'];
      pack.tips[2]!.audiences = ['school'];
      return pack;
    }
    const picker = (el: Element) => $<HTMLSelectElement>(el, 'select[part=audience]')!;
    const ALL = ['Put risks on the agenda', 'Follow up', 'Just start'];

    it("offers a labelled role picker, and puts the chosen role's tips first without hiding any", async () => {
      const pack = await rolePack();
      const el = await deck(html`<nk-tip-deck lang="en" .packData=${pack}></nk-tip-deck>`);
      const select = picker(el);
      expect(el.shadowRoot!.querySelector(`label[for="${select.id}"]`)!.textContent).to.equal('Your role');
      expect([...select.options].map((o) => [o.value, o.textContent])).to.deep.equal([
        ['', 'All roles'],
        ['jongerenwerk', 'Youth work'],
        ['school', 'School'],
      ]);
      expect(select.value).to.equal('');
      expect(titles(el)).to.deep.equal(ALL);
      expect($$(el, '[part=audiences]').map((p) => p.textContent)).to.deep.equal(['For: Youth work, School', 'For: School']);
      await expect(el).to.be.accessible();

      const changed = oneEvent(el, 'nk-audience-change');
      select.value = 'school';
      select.dispatchEvent(new Event('change'));
      expect((await changed).detail).to.deep.equal({ audience: 'school' });
      await until(() => titles(el).join() === 'Follow up,Just start,Put risks on the agenda', 'the school tips come first');
      expect(count(el)).to.equal('3 tips, the 2 for School first');
      await expect(el).to.be.accessible();

      select.value = '';
      select.dispatchEvent(new Event('change'));
      await until(() => titles(el).join() === ALL.join(), '"All roles" restores the pack\'s order');
      expect(count(el)).to.equal('3 tips');
    });

    it('keeps the choice on this device: a new deck for the same pack starts with it', async () => {
      const pack = await rolePack();
      const first = await deck(html`<nk-tip-deck lang="en" .packData=${pack}></nk-tip-deck>`);
      picker(first).value = 'school';
      picker(first).dispatchEvent(new Event('change'));
      await until(async () => (await sharedAudience().read(pack.id)) === 'school', 'the choice is stored');
      first.remove();
      const again = await deck(html`<nk-tip-deck lang="en" .packData=${structuredClone(pack)}></nk-tip-deck>`);
      await until(() => picker(again).value === 'school', 'the new deck shows the stored role');
      expect(titles(again)).to.deep.equal(['Follow up', 'Just start', 'Put risks on the agenda']);
      await expect(again).to.be.accessible();
    });

    it('is chosen with the keyboard alone', async () => {
      const pack = await rolePack();
      const el = await deck(html`<nk-tip-deck lang="en" .packData=${pack}></nk-tip-deck>`);
      await step(picker(el), 'ArrowDown');
      await until(() => picker(el).value === 'jongerenwerk', 'the arrow key picks the next role');
      await until(() => titles(el)[0] === 'Follow up', 'the youth-work tip comes first');
      expect(el.shadowRoot!.activeElement).to.equal(picker(el));
      expect(titles(el)).to.have.length(3);
      await step(picker(el), 'ArrowDown');
      await until(() => titles(el).join() === 'Follow up,Just start,Put risks on the agenda', 'then the school tips');
      expect(await sharedAudience().read(pack.id)).to.equal('school');
    });

    it("picks the tip of the day among the role's tips", async () => {
      const pack = await rolePack();
      await sharedAudience().write(pack.id, 'school');
      const el = await deck(html`<nk-tip-deck lang="en" mode="daily" .packData=${pack}></nk-tip-deck>`);
      const mine = pack.tips.filter((t) => t.audiences?.includes('school'));
      await until(() => titles(el)[0] === tipOfTheDay(mine, new Date(), pack.locale)!.title, 'a school tip of the day');
    });

    it('with audience-picker="none", follows the page\'s audience and keeps nothing itself', async () => {
      const pack = await rolePack();
      const el = await deck(html`<nk-tip-deck lang="en" audience="school" audience-picker="none" .packData=${pack}></nk-tip-deck>`);
      expect(picker(el)).to.equal(null);
      expect(titles(el)).to.deep.equal(['Follow up', 'Just start', 'Put risks on the agenda']);
      el.setAttribute('audience', 'jongerenwerk');
      await until(() => titles(el).join() === 'Follow up,Put risks on the agenda,Just start', 'the order follows the attribute');
      // Another deck's choice does not override the page's.
      await sharedAudience().write(pack.id, 'school');
      await el.updateComplete;
      expect(titles(el)[1]).to.equal('Put risks on the agenda');
      await expect(el).to.be.accessible();
    });

    it('ignores an audience the pack does not have, and shows no picker for a pack without audiences', async () => {
      const pack = await rolePack();
      const el = await deck(html`<nk-tip-deck lang="en" audience="nope" .packData=${pack}></nk-tip-deck>`);
      expect(picker(el).value).to.equal('');
      expect(titles(el)).to.deep.equal(ALL);
      const old = await deck();
      expect(picker(old)).to.equal(null);
    });

    it('speaks Dutch in a Dutch deck', async () => {
      const pack = await rolePack();
      const el = await deck(html`<nk-tip-deck lang="nl" audience="school" audience-picker="none" .packData=${pack}></nk-tip-deck>`);
      expect(count(el)).to.equal('3 tips, de 2 voor School eerst');
      expect($(el, '[part=audiences]')!.textContent).to.equal('Voor: Youth work, School');
      const picking = await deck(html`<nk-tip-deck lang="nl" .packData=${await rolePack()}></nk-tip-deck>`);
      expect(picker(picking).options[0]!.textContent).to.equal('Alle rollen');
      expect(el.shadowRoot!.querySelector('label[for=role]')).to.equal(null);
      expect(picking.shadowRoot!.querySelector('label[for=role]')!.textContent).to.equal('Jouw rol');
    });
  });

  describe('when mode="favourites"', () => {
    it('puts favourites first and stays in step when a favourite changes elsewhere', async () => {
      const pack = await validPack();
      pack.id = uniqueName('fav');
      await sharedFavourites().write(pack.id, ['just-do-it']);
      const el = await deck(html`<nk-tip-deck lang="en" mode="favourites" .packData=${pack}></nk-tip-deck>`);
      await until(() => titles(el)[0] === 'Just start', 'the favourite comes first');
      expect($(el, '[part=favourite][aria-pressed=true]')!.closest('[part=tip]')!.textContent).to.contain('Just start');
      await expect(el).to.be.accessible();
      // As a tip card elsewhere on the page would do:
      await sharedFavourites().write(pack.id, ['follow-up']);
      await until(() => titles(el).join() === 'Follow up,Put risks on the agenda,Just start', 'the order follows');
    });

    it('saves a favourite from the deck and keeps focus on its button', async () => {
      const pack = await validPack();
      pack.id = uniqueName('fav');
      const el = await deck(html`<nk-tip-deck lang="en" mode="favourites" .packData=${pack}></nk-tip-deck>`);
      const button = $$(el, '[part=favourite]')[2]!;
      await press(button, 'Enter');
      await until(() => titles(el)[0] === 'Just start', 'it moves to the top');
      const focused = el.shadowRoot!.activeElement!;
      expect(focused.getAttribute('aria-pressed')).to.equal('true');
      expect(focused.closest('[part=tip]')!.textContent).to.contain('Just start');
      expect(await sharedFavourites().read(pack.id)).to.deep.equal(['just-do-it']);
    });
  });

  describe('when the pack has 1000 tips', () => {
    it('renders one page at a time, and filtering still works', async function () {
      // Firefox throttles timers in a background tab (two test files run at once), and waitUntil polls.
      this.timeout(30_000);
      const started = performance.now();
      const el = await deck(html`<nk-tip-deck lang="en" .packData=${bigPack(1000)}></nk-tip-deck>`);
      expect(performance.now() - started).to.be.below(2000);
      expect($$(el, '[part=tip]')).to.have.length(20);
      expect(count(el)).to.equal('1000 tips');
      const more = $<HTMLButtonElement>(el, 'button[part=more]')!;
      expect(more.textContent).to.equal('Show more (20 of 1000)');
      await press(more, 'Enter');
      await until(() => $$(el, '[part=tip]').length === 40, 'a second page');
      const focused = el.shadowRoot!.activeElement!;
      expect(focused.getAttribute('part')).to.equal('tip');
      expect(focused.textContent).to.contain('Tip number 20');
      await expect(el).to.be.accessible();

      await search(el, 'coordinatie');
      await until(() => count(el) === '100 tips', 'search over all 1000');
      expect($$(el, '[part=tip]')).to.have.length(20);
      chip(el, 'Odd').click();
      await until(() => count(el) === 'No tips found.', 'every tenth tip is even');
      chip(el, 'Odd').click();
      chip(el, 'Even').click();
      await until(() => count(el) === '100 tips', 'even ones match');
    });
  });

  describe('when the language differs', () => {
    before(() => setDefaultPackBase('/packages/content/packs/'));

    it("uses the default pack and interface of each element's language", async function () {
      // Firefox throttles timers in a background tab (two test files run at once), and waitUntil polls.
      this.timeout(30_000);
      const wrapper = fixtureSync(html`<div>
        <nk-tip-deck lang="nl" mode="daily"></nk-tip-deck>
        <div lang="en"><nk-tip-deck></nk-tip-deck></div>
      </div>`);
      const [nl, en] = [...wrapper.querySelectorAll('nk-tip-deck')];
      await ready(nl!);
      await ready(en!);
      expect($(nl!, '[part=heading]')!.textContent).to.equal('Tip van de dag');
      expect($(nl!, '[part=more]')!.textContent).to.equal('Meer tips');
      expect($(en!, '[part=heading]')!.textContent).to.equal('Netwerkkracht: tips for collaboration and networking');
      expect(en!.shadowRoot!.querySelector('label')!.textContent).to.equal('Search tips');
      const { tips } = (await (await fetch('/packages/content/packs/en.json')).json()) as Pack;
      expect(count(en!)).to.equal(`${tips.length} tips`);
      expect($$(en!, '[part=tip]')).to.have.length(Math.min(20, tips.length));
      await expect(nl).to.be.accessible();
      await expect(en).to.be.accessible();
    });
  });

  describe('when a site sets theme tokens', () => {
    it('uses --nk-* tokens, then --basis-* tokens, and theme="dark"', async () => {
      const wrapper = fixtureSync(html`<div>
        <div style="--nk-color-accent: rgb(1, 2, 3)"><nk-tip-deck lang="en" pack=${PACK}></nk-tip-deck></div>
        <div style="--basis-color-action-1-color-default: rgb(4, 5, 6)"><nk-tip-deck lang="en" pack=${PACK}></nk-tip-deck></div>
        <nk-tip-deck lang="en" pack=${PACK} theme="dark"></nk-tip-deck>
      </div>`);
      const [nk, basis, dark] = [...wrapper.querySelectorAll('nk-tip-deck')];
      for (const el of [nk, basis, dark]) await ready(el!);
      expect(getComputedStyle(chip(nk!, 'All')).backgroundColor).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle($(nk!, '[part=source] a')!).color).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(chip(basis!, 'All')).backgroundColor).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle($(dark!, '[part~=base]')!).backgroundColor).to.equal('rgb(28, 33, 41)');
      await expect(dark).to.be.accessible();
    });
  });

  describe('when the pack cannot be loaded', () => {
    it('shows an alert and throws nothing', async () => {
      const errors: unknown[] = [];
      const onError = (e: Event) => errors.push(e);
      addEventListener('error', onError);
      addEventListener('unhandledrejection', onError);
      try {
        const el = await fixture<NkTipDeck>(html`<nk-tip-deck lang="en" pack="/test-server/status/404"></nk-tip-deck>`);
        await until(() => $(el, '[part=error]'), 'the error shows');
        expect($(el, '[part=error]')!.getAttribute('role')).to.equal('alert');
        expect($(el, '[part=error]')!.textContent).to.match(/^The content could not be loaded: .+/);
        await expect(el).to.be.accessible();
        expect(errors).to.deep.equal([]);
      } finally {
        removeEventListener('error', onError);
        removeEventListener('unhandledrejection', onError);
      }
    });
  });

  describe('when the pack holds HTML and script payloads', () => {
    let calls = 0;
    beforeEach(() => {
      calls = 0;
      (window as unknown as { __xss: () => void }).__xss = () => void calls++;
    });

    it('shows them as literal text and runs nothing', async () => {
      const el = await deck(html`<nk-tip-deck lang="en" pack=${fixtureUrl('packs/xss.json')}></nk-tip-deck>`);
      const root = el.shadowRoot!;
      expect($(el, '[part=heading]')!.textContent).to.contain('<img src=x onerror="window.__xss()">');
      expect($(el, '[part=tip-title]')!.textContent).to.contain('<script>window.__xss()</script>');
      expect($(el, '[part=tip]')!.textContent).to.contain('javascript:window.__xss()');
      expect($(el, '[part=chip]:nth-child(2)')!.textContent).to.contain('<img');
      expect(root.querySelectorAll('img, script, iframe, [onerror]')).to.have.length(0);
      await expect(el).to.be.accessible();
      expect(calls).to.equal(0);
    });

    it('never turns javascript: URLs into links (packs passed as a property skip validation)', async () => {
      const response = await fetch(fixtureUrl('packs/xss.json'));
      const pack = (await response.json()) as Pack;
      pack.sources![0]!.url = 'javascript:window.__xss()';
      pack.tips[0]!.links = [{ label: 'Click', url: ' JavaScript:window.__xss()' }];
      const el = await deck(html`<nk-tip-deck lang="en" mode="daily" .packData=${pack}></nk-tip-deck>`);
      $(el, '[part=more]')!.click();
      await until(() => $$(el, '[part=tip]').length === 2, 'the list shows');
      expect(el.shadowRoot!.querySelectorAll('[href^="javascript:" i], [href*="javascript:" i]')).to.have.length(0);
      expect(el.shadowRoot!.textContent).to.contain('Click');
      for (const a of el.shadowRoot!.querySelectorAll('a')) a.click();
      expect(calls).to.equal(0);
    });
  });

  describe('when it is 320 px wide', () => {
    before(() => setDefaultPackBase('/packages/content/packs/'));

    it('keeps everything inside its width, in Dutch and in English', async () => {
      for (const lang of ['nl', 'en']) {
        const wrapper = await fixture(html`<div style="inline-size: 320px"><nk-tip-deck lang=${lang} ></nk-tip-deck></div>`);
        const el = await ready(wrapper.querySelector('nk-tip-deck')!);
        expect($(el, '[part=error]'), lang).to.equal(null);
        expect(el.getBoundingClientRect().width, lang).to.be.at.most(320);
        expect(sticksOut(el), lang).to.deep.equal([]);
      }
    });
  });

  describe('when the host page has aggressive CSS', () => {
    it('stays readable and operable', async () => {
      const style = document.createElement('style');
      style.textContent = '* { all: unset !important } html { font-size: 48px } button { display: none !important }';
      document.head.append(style);
      try {
        const el = await deck();
        expect(getComputedStyle(el).display).to.equal('block');
        for (const selector of ['[part=heading]', '[part=tip-title]', 'input[type=search]', '[part=chip]', '[part=favourite]']) {
          const part = $(el, selector)!;
          expect(getComputedStyle(part).display, selector).not.to.equal('none');
          expect(getComputedStyle(part).visibility, selector).to.equal('visible');
          expect(part.getBoundingClientRect().height, selector).to.be.greaterThan(0);
        }
        chip(el, 'Meetings').click();
        await until(() => count(el) === '1 tip', 'the chip still works');
      } finally {
        style.remove();
      }
    });
  });

  describe('when the bundle is loaded twice', () => {
    it('does not throw on the second definition', () => {
      expect(() => define('nk-tip-deck', class extends HTMLElement {})).not.to.throw();
      expect(customElements.get('nk-tip-deck')!.name).to.equal('NkTipDeck');
    });
  });
});

// The favourites of a tip card and a tip deck are one thing: starred in one, starred in the other,
// also when IndexedDB fails, and each says the same when they are not being saved.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { createFavouritesStore, createRecordStore, type Pack } from '@netwerkkracht/core';
import '../../packages/components/src/nk-tip-card/nk-tip-card.js';
import '../../packages/components/src/nk-tip-deck/nk-tip-deck.js';
import { $, button, ownPack, ready, until } from './harness.js';

const DATABASE = 'netwerkkracht-favourites';

async function cardAndDeck(pack: Pack) {
  const host = await fixture<HTMLDivElement>(html`<div>
    <nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>
    <nk-tip-deck lang="en" .packData=${pack}></nk-tip-deck>
  </div>`);
  const card = await ready(host.querySelector('nk-tip-card')!);
  const deck = await ready(host.querySelector('nk-tip-deck')!);
  await until(() => deckStar(deck, 'risks'), 'the deck lists the tip');
  return { card, deck };
}

const cardStar = (card: Element) => button(card, 'favourite');
const deckStar = (deck: Element, tip: string) => $<HTMLButtonElement>(deck, `[part=favourite][data-fav="${tip}"]`)!;
const pressed = (star: Element) => star.getAttribute('aria-pressed') === 'true';
const notice = (el: Element) => $(el, '[part=notice][role=alert]')?.textContent ?? '';

/** What IndexedDB holds for `pack`, read by a store that has never seen this page's memory. */
const stored = (pack: Pack) => createFavouritesStore(createRecordStore(DATABASE, { broadcast: false })).read(pack.id);

/** Opens the favourites database at the next version: every connection to it closes, ours too. */
async function closeConnections(): Promise<void> {
  const open = (version?: number) =>
    new Promise<IDBDatabase>((resolve, reject) => {
      const request = version ? indexedDB.open(DATABASE, version) : indexedDB.open(DATABASE);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  const current = await open();
  const version = current.version;
  current.close();
  (await open(version + 1)).close();
}

/**
 * Makes this page's IndexedDB fail for real: every open asks for a lower version than a database
 * has, which IndexedDB refuses with a VersionError. Returns the repair.
 */
async function breakIndexedDb(): Promise<() => void> {
  const newer = `nk-favourites-newer-${Date.now()}`;
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(newer, 5);
    request.onsuccess = () => resolve(request.result.close());
    request.onerror = () => reject(request.error);
  });
  await closeConnections();
  const open = IDBFactory.prototype.open;
  IDBFactory.prototype.open = function (this: IDBFactory) {
    return open.call(this, newer, 1);
  };
  return () => {
    IDBFactory.prototype.open = open;
  };
}

/**
 * Makes every write to IndexedDB fail as on a full disk (QuotaExceededError), while reads still
 * work. Returns the repair.
 */
function fillDisk(): () => void {
  const put = IDBObjectStore.prototype.put;
  IDBObjectStore.prototype.put = function () {
    throw new DOMException('The disk is full.', 'QuotaExceededError');
  };
  return () => {
    IDBObjectStore.prototype.put = put;
  };
}

describe('favourites in <nk-tip-card> and <nk-tip-deck>', () => {
  it('fire nk-favourite-change from either element once the change is saved', async () => {
    const pack = await ownPack();
    const { card, deck } = await cardAndDeck(pack);
    const fromDeck = oneEvent(deck, 'nk-favourite-change');
    deckStar(deck, 'follow-up').click();
    expect((await fromDeck).detail).to.deep.equal({ packId: pack.id, tipId: 'follow-up', favourite: true });
    const fromCard = oneEvent(card, 'nk-favourite-change');
    cardStar(card).click();
    expect((await fromCard).detail).to.deep.equal({ packId: pack.id, tipId: 'risks', favourite: true });
    expect(await stored(pack)).to.have.members(['follow-up', 'risks']);
  });

  it('are starred in the deck when starred in a card, and the other way round', async () => {
    const pack = await ownPack();
    const { card, deck } = await cardAndDeck(pack);
    cardStar(card).click();
    await until(() => pressed(deckStar(deck, 'risks')), 'the deck shows the star set in the card');
    deckStar(deck, 'follow-up').click();
    deckStar(deck, 'risks').click();
    await until(() => !pressed(cardStar(card)), 'the card shows the star taken away in the deck');
    await until(async () => JSON.stringify(await stored(pack)) === '["follow-up"]', 'both changes are stored');
    expect(notice(card)).to.equal('');
    expect(notice(deck)).to.equal('');
  });

  it('draw the same star in both', async () => {
    const { card, deck } = await cardAndDeck(await ownPack());
    const path = (star: Element) => star.querySelector('svg path')?.getAttribute('d');
    expect(path(cardStar(card)))
      .to.be.a('string')
      .and.equal(path(deckStar(deck, 'risks')));
  });

  it('stay in step when IndexedDB fails, and each says that they are not being saved', async () => {
    const pack = await ownPack();
    const repair = await breakIndexedDb();
    try {
      const { card, deck } = await cardAndDeck(pack);
      cardStar(card).click();
      await until(() => pressed(deckStar(deck, 'risks')), 'the deck shows the star set in the card');
      expect(pressed(cardStar(card)), 'the card keeps its star for this page').to.equal(true);
      await until(() => notice(card).includes('not being saved'), 'the card says favourites are not saved');
      expect(notice(deck), 'the deck was not used').to.equal('');
      deckStar(deck, 'follow-up').click();
      deckStar(deck, 'risks').click();
      await until(() => !pressed(cardStar(card)), 'the card shows the star taken away in the deck');
      await until(() => notice(deck).includes('not being saved'), 'the deck says it in the same words');
      expect(notice(deck)).to.equal(notice(card));
      await expect(card).to.be.accessible();
      await expect(deck).to.be.accessible();
    } finally {
      repair();
    }
    const card = document.querySelector('nk-tip-card')!;
    await until(() => notice(card) === '', 'the notice goes once favourites are saved again');
    expect(await stored(pack)).to.deep.equal(['follow-up']);
  });

  it('stay in step when the disk is full, say so in both, and are saved once there is room', async () => {
    const pack = await ownPack();
    const { card, deck } = await cardAndDeck(pack);
    const repair = fillDisk();
    try {
      deckStar(deck, 'risks').click();
      await until(() => pressed(cardStar(card)), 'the card shows the star set in the deck');
      await until(() => notice(deck).includes('not being saved'), 'the deck says favourites are not saved');
      cardStar(card).click();
      await until(() => !pressed(deckStar(deck, 'risks')), 'the deck shows the star taken away in the card');
      await until(() => notice(card).includes('not being saved'), 'the card says it too');
      deckStar(deck, 'follow-up').click();
      await until(() => pressed(deckStar(deck, 'follow-up')), 'the deck keeps a new star for this page');
      expect(await stored(pack), 'nothing reached the disk').to.equal(undefined);
    } finally {
      repair();
    }
    // The store tries again by itself (after a second): what the page holds is then saved.
    await until(async () => JSON.stringify(await stored(pack)) === '["follow-up"]', "the page's favourites are saved once there is room");
    await until(() => notice(card) === '' && notice(deck) === '', 'both notices go');
  });
});

// What the element suites share: finding things in an element's shadow root, waiting for a
// condition (never for a time), and a pack of a test's own.
import { waitUntil } from '@open-wc/testing';
import type { Pack } from '@netwerkkracht/core';
import { basePack } from '../fixtures/hostile-packs.js';
import { uniqueName, validPack } from '../fixtures/pack.js';

/** Waits until `predicate` holds; generous (10 s, longer if a test asks), so that a busy machine does not fail a test. */
export const until = (predicate: () => unknown, message: string, timeout = 10_000) => waitUntil(predicate, message, { timeout });

/** The first element matching `selector` in `el`'s shadow root. */
export const $ = <E extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<E>(selector);

/** Every element matching `selector` in `el`'s shadow root. */
export const $$ = <E extends Element = HTMLElement>(el: Element, selector: string) => [...el.shadowRoot!.querySelectorAll<E>(selector)];

/** The text of the first match, with white space collapsed as a reader sees it. */
export const text = (el: Element, selector: string) => $(el, selector)?.textContent?.replace(/\s+/g, ' ').trim();

/** The checkboxes in `el`'s shadow root. */
export const boxes = (el: Element) => $$<HTMLInputElement>(el, 'input[type=checkbox]');

/** The button with `part` among its part names. */
export const button = (el: Element, part: string) => $<HTMLButtonElement>(el, `button[part~=${part}]`)!;

/** Waits until the element shows its content (`base`) or says why not (`error`, or `extra`). */
export async function ready<T extends Element>(el: T, extra = '[part=error]'): Promise<T> {
  await until(() => $(el, '[part~=base]') || $(el, '[part=error]') || $(el, extra), `<${el.localName}> renders`);
  return el;
}

/** A copy of the test pack with an id of its own, so that a test's ticks and favourites are its own. */
export async function ownPack(change: (pack: Pack) => void = () => {}): Promise<Pack> {
  const pack = await validPack();
  pack.id = uniqueName('pack');
  change(pack);
  return pack;
}

/** The base pack (tests/fixtures/hostile-packs.js) with an id of its own, at once. */
export const ownBasePack = () => ({ ...basePack(), id: uniqueName('pack') }) as Pack;

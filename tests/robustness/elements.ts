// Renders one of every element (the tip deck twice: list and tip of the day) on one pack, and
// waits until each has said nk-pack-load or nk-pack-error.
import { fixture, html } from '@open-wc/testing';
import type { Pack } from '@netwerkkracht/core';
import '../../packages/components/src/index.js';
import { until } from '../components/harness.js';

export type NkHost = HTMLElement & { updateComplete: Promise<boolean>; packData?: Pack };

/** Each element with the attributes that pick an entry of the base pack. */
export const SPECS: [tag: string, attributes: Record<string, string>][] = [
  ['nk-tip-card', { tip: 'risks' }],
  ['nk-contact-card', { contact: 'anna' }],
  ['nk-network-checklist', { checklist: 'meeting' }],
  ['nk-tip-deck', {}],
  ['nk-tip-deck', { mode: 'daily' }],
];

/** One of each element on `source` (a pack URL or a pack object); resolves once all have answered. */
export async function renderEach(source: { pack: string } | { packData: unknown }, specs = SPECS) {
  const container = await fixture<HTMLDivElement>(html`<div></div>`);
  const heard = new Map<Element, string>();
  const listen = (event: Event) => heard.set(event.target as Element, event.type);
  container.addEventListener('nk-pack-load', listen);
  container.addEventListener('nk-pack-error', listen);
  const elements = specs.map(([tag, attributes]) => {
    const el = document.createElement(tag) as NkHost;
    el.setAttribute('lang', 'en');
    for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
    if ('pack' in source) el.setAttribute('pack', source.pack);
    else el.packData = source.packData as Pack;
    return el;
  });
  container.append(...elements);
  await until(() => elements.every((el) => heard.has(el)), 'every element answered');
  for (const el of elements) await el.updateComplete;
  return { container, elements, heard };
}

/**
 * The harness's `text`, but '' where there is nothing to read: no match, no element, or no shadow
 * root yet (an element in a frame before its definition has loaded).
 */
export const say = (el: Element | null | undefined, selector: string) =>
  el?.shadowRoot?.querySelector(selector)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

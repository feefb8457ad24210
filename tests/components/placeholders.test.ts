// While its pack loads, each element keeps free about the room its content will take, so that the
// host page does not jump when the content comes (the default packs, at a phone's width).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import '../../packages/components/src/index.js';
import { setDefaultPackBase } from '../../packages/components/src/internal/packs.js';
import { uniqueName } from '../fixtures/pack.js';
import { $, until } from './harness.js';

/** A pack address whose answer never comes (the test server holds it). */
const held = () => new URL(`/test-server/gate/${uniqueName('held')}`, location.href).href;

const CASES: [tag: string, attributes: Record<string, string>][] = [
  ['nk-tip-card', { tip: 'heldere-visie-bijeenkomst' }],
  ['nk-tip-deck', { mode: 'daily' }],
  ['nk-network-checklist', { checklist: 'netwerkbijeenkomst-organiseren' }],
  ['nk-contact-card', { contact: 'netwerkcoordinator-jeugd' }],
];

/** Runs `job` with `new Date()` giving noon on `day`: the tip of the day is that day's. */
async function onDay<T>(day: number, job: () => Promise<T>): Promise<T> {
  const RealDate = Date;
  const noon = new RealDate(2026, 0, day, 12).getTime();
  globalThis.Date = class extends RealDate {
    constructor(...args: []) {
      if (args.length) super(...args);
      else super(noon);
    }
  } as DateConstructor;
  try {
    return await job();
  } finally {
    globalThis.Date = RealDate;
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('placeholders while the pack loads', () => {
  before(async () => {
    setDefaultPackBase('/packages/content/packs/');
    // The rooms are sized for a phone: their vw terms count the viewport, not the column.
    await setViewport({ width: 390, height: 844 });
  });
  for (const [tag, attributes] of CASES) {
    // The tip of the day differs from day to day, and so does its height: the room is compared
    // with the height of the days' tips in the middle, over three weeks, whatever today is.
    const days = attributes.mode === 'daily' ? Array.from({ length: 21 }, (_, i) => i + 1) : [0];
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
      await until(() => $(loading, '[part=loading]'), 'the placeholder renders');
      const heights: number[] = [];
      for (const day of days) {
        heights.push(
          await onDay(day, async () => {
            const loaded = make();
            await until(() => $(loaded, '[part=heading]'), 'the content renders');
            const height = loaded.offsetHeight;
            loaded.remove();
            return height;
          }),
        );
      }
      const ratio = loading.offsetHeight / median(heights);
      expect(ratio, `placeholder ${loading.offsetHeight} px, content ${heights.join(', ')} px`).to.be.within(0.67, 1.5);
    });
  }
});

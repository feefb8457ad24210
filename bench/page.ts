// The benchmark's in-browser half: every variant renders the same tip text, so the differences
// are the cost of the element machinery alone. run.js drives it and keeps the figures.
import { css, html, LitElement } from 'lit';
import { set as idbSet, createStore } from 'idb-keyval';
import { parsePack, sharedProgressStore, type Pack } from '@netwerkkracht/core';
import '@shoelace-style/shoelace/dist/components/card/card.js';
import '@netwerkkracht/components/nk-tip-card.js';
import '@netwerkkracht/components/nk-network-checklist.js';

const TITLE = 'Put risks and bottlenecks on every agenda';
const BODY = 'Make it a fixed item, so problems surface while they are still small.';

/** The baseline: the smallest Lit card with the same markup any Lit library starts from. */
class LitCard extends LitElement {
  static override styles = css`:host { display: block; border: 1px solid #ccc; border-radius: 8px; padding: 16px; }`;
  static override properties = { heading: {}, body: {} };
  declare heading: string;
  declare body: string;
  override render() {
    return html`<div role="heading" aria-level="3">${this.heading}</div><p>${this.body}</p>`;
  }
}
customElements.define('bench-lit-card', LitCard);

/** A custom element with shadow DOM and no library. */
class VanillaCard extends HTMLElement {
  connectedCallback() {
    if (this.shadowRoot) return;
    const root = this.attachShadow({ mode: 'open' });
    const style = new CSSStyleSheet();
    style.replaceSync(':host { display: block; border: 1px solid #ccc; border-radius: 8px; padding: 16px; }');
    root.adoptedStyleSheets = [style];
    const heading = document.createElement('div');
    heading.setAttribute('role', 'heading');
    heading.setAttribute('aria-level', '3');
    heading.textContent = this.dataset.heading ?? '';
    const body = document.createElement('p');
    body.textContent = this.dataset.body ?? '';
    root.append(heading, body);
  }
}
customElements.define('bench-vanilla-card', VanillaCard);

/** A pack with `n` tips and a checklist of `items` items, all with the benchmark's text. */
export function makePack(n: number, items = 0): Pack {
  return {
    schemaVersion: 1,
    id: 'bench',
    locale: 'en',
    title: 'Bench',
    sources: [{ id: 'src', organisation: 'Bench organisation', url: 'https://example.org/' }],
    tips: Array.from({ length: n }, (_, i) => ({ id: `tip-${i}`, title: TITLE, body: [BODY], tags: ['overleg'], source: 'src' })),
    checklists: items ? [{ id: 'big', title: 'Big list', items: Array.from({ length: items }, (_, i) => ({ id: `item-${i}`, text: `${BODY} (${i})`, tip: `tip-${i % n}` })) }] : [],
  } as Pack;
}

type Variant = 'div' | 'vanilla' | 'lit' | 'shoelace' | 'nk-tip-card';
const pack = makePack(1000);

function make(variant: Variant, i: number): HTMLElement {
  switch (variant) {
    case 'div': {
      const el = document.createElement('div');
      el.className = 'plain-card';
      const heading = document.createElement('div');
      heading.textContent = TITLE;
      const body = document.createElement('p');
      body.textContent = BODY;
      el.append(heading, body);
      return el;
    }
    case 'vanilla': {
      const el = document.createElement('bench-vanilla-card');
      el.dataset.heading = TITLE;
      el.dataset.body = BODY;
      return el;
    }
    case 'lit':
      return Object.assign(document.createElement('bench-lit-card'), { heading: TITLE, body: BODY });
    case 'shoelace': {
      const el = document.createElement('sl-card');
      const heading = document.createElement('div');
      heading.slot = 'header';
      heading.textContent = TITLE;
      el.append(heading, BODY);
      return el;
    }
    case 'nk-tip-card': {
      const el = document.createElement('nk-tip-card') as HTMLElement & { packData: Pack };
      el.setAttribute('tip', `tip-${i}`);
      el.setAttribute('lang', 'en');
      el.packData = pack;
      return el;
    }
  }
}

const host = document.getElementById('host')!;

/** Renders `n` of a variant and returns milliseconds from insertion to after layout. */
async function render(variant: Variant, n: number): Promise<number> {
  host.replaceChildren();
  const start = performance.now();
  const elements = Array.from({ length: n }, (_, i) => make(variant, i));
  host.append(...elements);
  await Promise.all(elements.map((el) => (el as Partial<LitElement>).updateComplete));
  host.getBoundingClientRect();
  document.body.offsetHeight;
  return performance.now() - start;
}

/**
 * Times `a` and `b` alternately, `runs` samples each. A sample is the mean of `repeat` calls in a
 * row: one call takes about a millisecond, and the browser's clock is only good to a tenth of that.
 */
async function timePair(runs: number, repeat: number, a: () => unknown, b: () => unknown): Promise<[number[], number[]]> {
  const times: [number[], number[]] = [[], []];
  for (let i = 0; i < runs; i++) {
    for (const [which, run] of [a, b].entries()) {
      const start = performance.now();
      for (let k = 0; k < repeat; k++) await run();
      times[which]!.push((performance.now() - start) / repeat);
    }
  }
  return times;
}

/** Parsing + validating a 1000-tip pack, against JSON.parse of the same text. */
async function validation(runs: number) {
  const text = JSON.stringify(makePack(1000));
  const checked = parsePack(text);
  if (!checked.ok) throw new Error(`the benchmark pack does not validate: ${JSON.stringify(checked.issues[0])}`);
  const [validate, parse] = await timePair(runs, 25, () => parsePack(text), () => JSON.parse(text));
  return { validate, parse };
}

/** Ticking a checklist item until it is stored, against a raw idb-keyval set. */
async function storage(runs: number) {
  const store = sharedProgressStore();
  const raw = createStore('bench-raw', 'records');
  let flip = false;
  const [tick, set] = await timePair(
    runs,
    20,
    () => store.setItem('bench', 'list', 'item', (flip = !flip)),
    () => idbSet('bench/list', { item: new Date().toISOString(), flip: (flip = !flip) }, raw),
  );
  return { tick, set, mode: store.mode };
}

/** A 500-item checklist: render time, and time from a click to the progress event. */
async function bigChecklist(runs: number) {
  const big = makePack(50, 500);
  const renders: number[] = [];
  const ticks: number[] = [];
  for (let r = 0; r < runs; r++) {
    host.replaceChildren();
    const el = document.createElement('nk-network-checklist') as HTMLElement & { packData: Pack; updateComplete: Promise<boolean> };
    el.setAttribute('checklist', 'big');
    el.setAttribute('lang', 'en');
    el.packData = { ...big, id: `bench-big-${r}-${Date.now()}` };
    const start = performance.now();
    host.append(el);
    await el.updateComplete;
    await waitFor(() => el.shadowRoot?.querySelectorAll('input[type="checkbox"]').length === 500);
    document.body.offsetHeight;
    renders.push(performance.now() - start);
    const box = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')[250]!;
    const changed = new Promise((resolve) => el.addEventListener('nk-progress-change', resolve, { once: true }));
    const clickStart = performance.now();
    box.click();
    await changed;
    await el.updateComplete;
    ticks.push(performance.now() - clickStart);
  }
  host.replaceChildren();
  return { renders, ticks };
}

async function waitFor(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => requestAnimationFrame(resolve));
}

Object.assign(window, { bench: { render, validation, storage, bigChecklist, clear: () => host.replaceChildren() } });
document.body.dataset.ready = 'true';

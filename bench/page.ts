// The benchmark's in-browser half: every variant renders the same tip text, so the differences
// are the cost of the element machinery alone. run.js drives it and keeps the figures.
import { css, html, LitElement } from 'lit';
import { set as idbSet, createStore } from 'idb-keyval';
import { parsePack, sharedProgressStore, type Pack } from '@netwerkkracht/core';
import '@shoelace-style/shoelace/dist/components/card/card.js';
import '@shoelace-style/shoelace/dist/components/tag/tag.js';
import '@shoelace-style/shoelace/dist/components/button/button.js';
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

const SOURCE = { organisation: 'Bench organisation', url: 'https://example.org/' };
const TAGS = ['Overleg'];
const svg = (d: string) => html`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path d=${d}></path></svg>`;
const COPY = 'M9 9h11v11H9zM5 15H4V4h11v1';
const SHARE = 'M12 15V3M7 8l5-5 5 5M5 12v8h14v-8';
const STAR = 'M12 3l2.8 5.7 6.2.9-4.5 4.4 1 6.2-5.5-2.9-5.5 2.9 1-6.2L3 9.6l6.2-.9z';

/**
 * The fair baseline for nk-tip-card: a Lit element written by hand with the same DOM (card,
 * heading, body, topic list, source link, three buttons with icons, a live region) and styles of
 * the same kind (custom-property tokens, focus, buttons, chips), but none of the project's features.
 */
class LitTipCard extends LitElement {
  static override styles = css`
    :host { --fg: var(--nk-color-text, #1f2933); --bg: var(--nk-color-background, #fff); --accent: var(--nk-color-accent, #0b5a9e);
      --subtle: var(--nk-color-accent-subtle, #eaf2fa); --border: var(--nk-color-border, #c8d1dc); --radius: var(--nk-radius, 0.5rem);
      --space: var(--nk-space, 1rem); display: block; font-family: inherit; line-height: 1.5; color: var(--fg); }
    *, *::before, *::after { box-sizing: border-box; }
    :focus-visible { outline: 3px solid #c2410c; outline-offset: 2px; }
    .card { display: flex; flex-direction: column; gap: calc(var(--space) * 0.75); background: var(--bg); border: 1px solid var(--border);
      border-block-start: 4px solid var(--accent); border-radius: var(--radius); padding: var(--space); }
    .heading { margin: 0; font-size: 1.25em; font-weight: 700; line-height: 1.3; }
    .body { display: flex; flex-direction: column; gap: 0.6em; }
    .body p { margin: 0; }
    .tags { display: flex; flex-wrap: wrap; gap: 0.4em; margin: 0; padding: 0; list-style: none; }
    .tags li { padding: 0.1em 0.75em; border-radius: 999px; background: var(--subtle); font-size: 0.875em; }
    .source { margin: 0; padding-block-start: 0.75em; border-block-start: 1px solid var(--border); font-size: 0.9em; }
    a { color: var(--accent); }
    .actions { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5em; }
    button { display: inline-flex; align-items: center; gap: 0.35em; min-block-size: 2.75rem; padding: 0.4em 0.7em; font: inherit;
      border: 1px solid var(--border); border-radius: var(--radius); background: var(--bg); color: inherit; cursor: pointer; }
    button:hover { border-color: var(--accent); }
    .icon { inline-size: 1.15em; block-size: 1.15em; fill: none; stroke: currentColor; stroke-width: 2; }
    .status { color: var(--accent); font-weight: 600; }
  `;
  static override properties = { heading: {}, body: { attribute: false }, favourite: { type: Boolean } };
  declare heading: string;
  /** Paragraphs, as a tip has them. */
  declare body: string[];
  declare favourite: boolean;
  override render() {
    return html`<article class="card">
      <div role="heading" aria-level="3" class="heading">${this.heading}</div>
      <div class="body">${this.body.map((p) => html`<p>${p}</p>`)}</div>
      <ul class="tags" aria-label="Topics">${TAGS.map((tag) => html`<li>${tag}</li>`)}</ul>
      <p class="source">Source: <a href=${SOURCE.url}>${SOURCE.organisation}</a></p>
      <div class="actions">
        <button type="button">${svg(COPY)}Copy</button>
        <button type="button">${svg(SHARE)}Share</button>
        <button type="button" aria-pressed=${String(!!this.favourite)}>${svg(STAR)}Favourite</button>
        <span class="status" role="status"></span>
      </div>
    </article>`;
  }
}
customElements.define('bench-lit-tip-card', LitTipCard);

/**
 * The same card with the `part` attributes nk-tip-card has, one per element a page may style
 * (`::part()`): the same DOM, attribute for attribute. Chromium spends time on every element that
 * has one, so both cards are measured.
 */
class LitTipCardParts extends LitTipCard {
  override render() {
    return html`<article part="base card" class="card">
      <div role="heading" aria-level="3" part="heading" class="heading">${this.heading}</div>
      <div part="body" class="body">${this.body.map((p) => html`<p>${p}</p>`)}</div>
      <ul part="tags" class="tags" aria-label="Topics">${TAGS.map((tag) => html`<li part="tag">${tag}</li>`)}</ul>
      <p part="source" class="source">Source: <a href=${SOURCE.url}>${SOURCE.organisation}</a></p>
      <div part="actions" class="actions">
        <button type="button" part="button copy">${svg(COPY)}Copy</button>
        <button type="button" part="button share">${svg(SHARE)}Share</button>
        <button type="button" part="button favourite" aria-pressed=${String(!!this.favourite)}>${svg(STAR)}Favourite</button>
        <span part="status" class="status" role="status"></span>
      </div>
    </article>`;
  }
}
customElements.define('bench-lit-tip-parts', LitTipCardParts);

/** The same content as a composition of Shoelace parts: a card, tags and buttons. */
function shoelaceTip(): HTMLElement {
  const card = document.createElement('sl-card');
  const heading = document.createElement('div');
  heading.slot = 'header';
  heading.setAttribute('role', 'heading');
  heading.setAttribute('aria-level', '3');
  heading.textContent = TITLE;
  const body = document.createElement('p');
  body.textContent = BODY;
  const tags = document.createElement('div');
  for (const label of TAGS) {
    const tag = document.createElement('sl-tag');
    tag.size = 'small';
    tag.textContent = label;
    tags.append(tag);
  }
  const source = document.createElement('p');
  const link = document.createElement('a');
  link.href = SOURCE.url;
  link.textContent = SOURCE.organisation;
  source.append('Source: ', link);
  const footer = document.createElement('div');
  footer.slot = 'footer';
  for (const [label, d] of [
    ['Copy', COPY],
    ['Share', SHARE],
    ['Favourite', STAR],
  ] as const) {
    const button = document.createElement('sl-button');
    button.size = 'small';
    button.innerHTML = `<svg slot="prefix" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true"><path d="${d}" fill="none" stroke="currentColor"></path></svg>`;
    button.append(label);
    footer.append(button);
  }
  const status = document.createElement('span');
  status.setAttribute('role', 'status');
  footer.append(status);
  card.append(heading, body, tags, source, footer);
  return card;
}

/** A custom element with shadow DOM and no library. */
class VanillaCard extends HTMLElement {
  constructor() {
    super();
    this.attachShadow({ mode: 'open' });
  }

  connectedCallback() {
    const root = this.shadowRoot!;
    if (root.childNodes.length) return;
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
    tags: [{ id: 'overleg', label: 'Overleg' }],
    tips: Array.from({ length: n }, (_, i) => ({ id: `tip-${i}`, title: TITLE, body: [BODY], tags: ['overleg'], source: 'src' })),
    checklists: items
      ? [{ id: 'big', title: 'Big list', items: Array.from({ length: items }, (_, i) => ({ id: `item-${i}`, text: `${BODY} (${i})`, tip: `tip-${i % n}` })) }]
      : [],
  } as Pack;
}

type Variant = 'div' | 'vanilla' | 'lit' | 'shoelace' | 'lit-tip' | 'lit-tip-parts' | 'shoelace-tip' | 'nk-tip-card';
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
    case 'lit-tip':
      return Object.assign(document.createElement('bench-lit-tip-card'), { heading: TITLE, body: [BODY] });
    case 'lit-tip-parts':
      return Object.assign(document.createElement('bench-lit-tip-parts'), { heading: TITLE, body: [BODY] });
    case 'shoelace-tip':
      return shoelaceTip();
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
  document.body.getBoundingClientRect();
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
  const [validate, parse] = await timePair(
    runs,
    25,
    () => parsePack(text),
    () => JSON.parse(text),
  );
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
    document.body.getBoundingClientRect();
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

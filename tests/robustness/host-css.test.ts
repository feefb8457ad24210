// Years of CMS CSS around the elements: resets, odd root font sizes, inherited direction and
// white-space, ::part() rules meant for other components, custom properties and @property
// registrations with our kind of names, overlays and transforms. Every element stays readable
// (computed styles), and a checklist is clicked through with the real mouse.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendMouse, resetMouse } from '@web/test-runner-commands';
import '../../packages/components/src/index.js';
import { $, $$, ownBasePack, until } from '../components/harness.js';
import { watchPage } from './corpus.js';
import { type NkHost } from './elements.js';

/** Page CSS that has been seen in the wild, one scenario at a time. */
const SCENARIOS: Record<string, string> = {
  'a universal reset: * { all: unset !important }': `* { all: unset !important } button { display: none !important }`,
  'root font size 62.5 % (10 px) with body text at 1.6rem': `html { font-size: 62.5% } body { font-size: 1.6rem }`,
  'root font size 48 px': `html { font-size: 48px } body { font-size: 1rem }`,
  'inherited direction: rtl and white-space: pre, and odd inherited text styles': `
    body { direction: rtl; white-space: pre; text-indent: 3em; letter-spacing: 0.1em; word-spacing: 0.5em;
           line-height: 0.7; text-align: justify; visibility: visible; font-size: 0; }`,
  '::part() rules meant for other components': `
    ::part(base), ::part(button), ::part(label), ::part(control), ::part(input), ::part(form-control),
    ::part(panel), ::part(header), ::part(body), ::part(icon) { all: unset !important; }
    ::part(base) { background: transparent !important; }`,
  'custom properties with our kind of private names': `
    * { --_fg: #000 !important; --_bg: #000 !important; --_muted: #000; --_accent: transparent; --_accent-fg: transparent;
        --_subtle: #000; --_border: transparent; --_space: 0; --_size: 0px; --_font: serif; --_radius: 0; --_focus: transparent; }`,
  '@property registrations of our kind of names': `
    @property --_fg { syntax: '<color>'; inherits: false; initial-value: transparent; }
    @property --_bg { syntax: '<color>'; inherits: false; initial-value: #000; }
    @property --_accent { syntax: '<color>'; inherits: false; initial-value: transparent; }
    @property --_accent-fg { syntax: '<color>'; inherits: false; initial-value: transparent; }
    @property --_space { syntax: '<length>'; inherits: false; initial-value: 0px; }
    @property --_size { syntax: '<length>'; inherits: false; initial-value: 0px; }
    @property --_border { syntax: '<color>'; inherits: false; initial-value: transparent; }`,
  'public tokens with nonsense values': `:root { --nk-color-text: 12px; --nk-color-background: 0; --nk-font-size: red; --nk-space: blue; --nk-radius: #fff; --nk-font-family: 42; }`,
  'font-size: 0 on the container (the inline-block gap trick)': `
    .host-wrapper { font-size: 0; } .host-wrapper > * { display: inline-block; vertical-align: top; }`,
  'gradient text on body: -webkit-text-fill-color: transparent': `
    body { background-image: linear-gradient(90deg, #7b2ff7, #f107a3); -webkit-background-clip: text; background-clip: text;
           -webkit-text-fill-color: transparent; color: transparent; }`,
  'zoom on body': `body { zoom: 1.25; }`,
  'zoom below one on the container': `.host-wrapper { zoom: 0.8; }`,
  'inherited text effects: transform, spacing, shadow, stroke, line height 0, nowrap': `
    .host-wrapper { text-transform: uppercase; letter-spacing: 0.4em; word-spacing: 2em; text-indent: -9999px;
                    text-shadow: 0 0 6px #fff, 0 0 2px #fff; -webkit-text-stroke: 3px #fff; line-height: 0; white-space: nowrap;
                    word-break: break-all; }`,
  'vertical writing mode on the container': `.host-wrapper { writing-mode: vertical-rl; text-orientation: upright; }`,
  'z-index overlays and transforms on ancestors': `
    body { position: relative; z-index: 0; }
    .host-wrapper { transform: scale(0.9) translateX(20px) rotate(0.5deg); will-change: transform; filter: contrast(1.05);
                    perspective: 400px; position: relative; z-index: 1; isolation: isolate; }
    .host-wrapper::before { content: ''; position: absolute; inset: 0; z-index: 2147483647; pointer-events: none; background: rgb(255 0 0 / 0.03); }
    .overlay { position: fixed; inset: 0; z-index: 2147483647; pointer-events: none; }`,
};

/** Parses `rgb(…)`/`rgba(…)` into [r, g, b, a]. */
function rgba(color: string): number[] {
  const [r = 0, g = 0, b = 0, a = 1] = (color.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b, color.startsWith('rgba') || color.includes('/') ? a : 1];
}

/** The colour painted behind `node`: the first non-transparent background up the (flat) tree, else white. */
function backgroundBehind(node: Element): number[] {
  for (let el: Element | null = node; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const color = rgba(getComputedStyle(el).backgroundColor);
    if (color[3]! > 0.5) return color;
  }
  return [255, 255, 255, 1];
}

/** WCAG contrast ratio of two colours. */
function contrast(a: number[], b: number[]): number {
  const lum = ([r, g, bl]: number[]) =>
    [r!, g!, bl!]
      .map((c) => {
        const s = c / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      })
      .reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i]!, 0);
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

/** Text a person must be able to read: shown, at least 12 px, in a colour that stands out. */
function expectReadable(node: HTMLElement | null, what: string) {
  expect(node, what).to.exist;
  const style = getComputedStyle(node!);
  const rect = node!.getBoundingClientRect();
  expect(style.display, `${what} display`).not.to.equal('none');
  expect(style.visibility, `${what} visibility`).to.equal('visible');
  expect(rect.width * rect.height, `${what} has an area`).to.be.above(0);
  expect(parseFloat(style.fontSize), `${what} font size`).to.be.at.least(12);
  const color = rgba(style.color);
  expect(color[3], `${what} colour is not transparent`).to.be.above(0.5);
  expect(contrast(color, backgroundBehind(node!)), `${what} contrast (${style.color} on ${backgroundBehind(node!)})`).to.be.at.least(3);
  // What is painted is the fill colour, which a gradient-text rule makes transparent.
  const fill = style.getPropertyValue('-webkit-text-fill-color');
  expect(rgba(fill), `${what} fill (${fill})`).to.deep.equal(color);
  // The elements' own text style, whatever the page lets inherit.
  expect(style.writingMode, `${what} writing mode`).to.equal('horizontal-tb');
  expect(style.textTransform, `${what} text-transform`).to.equal('none');
  expect(style.textShadow, `${what} text-shadow`).to.equal('none');
  expect(parseFloat(style.getPropertyValue('-webkit-text-stroke-width')), `${what} text stroke`).to.equal(0);
  expect(parseFloat(style.textIndent), `${what} text-indent`).to.equal(0);
  expect(parseFloat(style.letterSpacing) || 0, `${what} letter-spacing`).to.be.at.most(parseFloat(style.fontSize) * 0.05);
  expect(style.whiteSpace === 'normal' || style.whiteSpace.includes('wrap'), `${what} wraps (${style.whiteSpace})`).to.equal(true);
  const lineHeight = style.lineHeight === 'normal' ? parseFloat(style.fontSize) * 1.2 : parseFloat(style.lineHeight);
  expect(lineHeight, `${what} line height`).to.be.at.least(parseFloat(style.fontSize));
}

/** Clicks the centre of `target` with the real mouse: hit testing through transforms and overlays included. */
async function click(target: HTMLElement) {
  target.scrollIntoView({ block: 'center', inline: 'center' });
  const rect = target.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)] });
}

describe('aggressive host page CSS', () => {
  const page = watchPage();
  let style: HTMLStyleElement;
  afterEach(async () => {
    style?.remove();
    page.stop();
    await resetMouse();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
  });

  for (const [name, css] of Object.entries(SCENARIOS)) {
    it(`stays readable and operable with ${name}`, async () => {
      page.start();
      style = document.createElement('style');
      style.textContent = css;
      document.head.append(style);
      const wrapper = await fixture<HTMLElement>(html`<div class="host-wrapper" style="inline-size: 360px">
        <div class="overlay"></div>
        <nk-network-checklist lang="en" .packData=${ownBasePack()} checklist="meeting"></nk-network-checklist>
        <nk-tip-card lang="en" .packData=${ownBasePack()} tip="risks"></nk-tip-card>
        <nk-contact-card lang="en" .packData=${ownBasePack()} contact="anna"></nk-contact-card>
        <nk-tip-deck lang="en" .packData=${ownBasePack()}></nk-tip-deck>
      </div>`);
      const [list, card, contact, deck] = [...wrapper.querySelectorAll<NkHost>('nk-network-checklist, nk-tip-card, nk-contact-card, nk-tip-deck')];
      for (const el of [list!, card!, contact!, deck!]) await until(() => $(el, '[part=heading]'), `${el.localName} renders`);

      // Readable: the computed styles of the text that matters.
      expect(getComputedStyle(list!).display).to.equal('block');
      for (const el of [list!, card!, contact!, deck!]) expectReadable($(el, '[part=heading]'), `${el.localName} heading`);
      expectReadable($(list!, 'label'), 'checklist item');
      expectReadable($(list!, '[part=progress-text]'), 'progress text');
      expectReadable($(card!, '[part=body] p'), 'tip body');
      expectReadable($(contact!, '[part=role]'), 'contact role');
      expectReadable($(deck!, '[part=tip-title]'), 'deck tip');
      for (const button of $$(list!, 'button')) expectReadable(button, `checklist button "${button.textContent!.trim()}"`);
      // Text wraps inside its card instead of running off the side.
      for (const el of [list!, card!, contact!, deck!]) {
        const box = $(el, '[part~=base]')!;
        expect(box.scrollWidth, `${el.localName} does not overflow sideways`).to.be.at.most(box.clientWidth + 1);
      }

      // Each element, and each tip of the deck, has its own place on the page. Layout boxes (whole
      // pixels, hence the 1 px), not client rects: those of a rotated wrapper's children overlap.
      const stacked = (what: string, els: HTMLElement[]) => {
        for (const [i, a] of els.entries()) {
          for (const b of els.slice(i + 1)) {
            const apart = (start: 'offsetTop' | 'offsetLeft', size: 'offsetHeight' | 'offsetWidth') =>
              a[start] + a[size] <= b[start] + 1 || b[start] + b[size] <= a[start] + 1;
            const box = (el: HTMLElement) => `${el.offsetLeft},${el.offsetTop} ${el.offsetWidth}×${el.offsetHeight}`;
            expect(
              apart('offsetTop', 'offsetHeight') || apart('offsetLeft', 'offsetWidth'),
              `${what}: ${a.localName} ${box(a)} and ${b.localName} ${box(b)} overlap`,
            ).to.equal(true);
          }
        }
      };
      stacked('elements', [list!, card!, contact!, deck!]);
      stacked('deck tips', $$(deck!, '[part~=tip]'));

      // Operable: tick every item, then start again, all with the real mouse.
      const boxes = $$<HTMLInputElement>(list!, 'input[type=checkbox]');
      for (const [i, box] of boxes.entries()) {
        const changed = oneEvent(list!, 'nk-progress-change');
        await click(box);
        expect((await changed).detail).to.include({ done: i + 1, checked: true });
      }
      await until(() => $(list!, '[part=progress-text]')!.textContent === `${boxes.length} of ${boxes.length} done`, 'all ticked');
      await click($(list!, '#reset')!);
      await until(() => $(list!, '.confirm button.primary'), 'asks to confirm');
      const reset = oneEvent(list!, 'nk-checklist-reset');
      await click($(list!, '.confirm button.primary')!);
      await reset;
      await until(() => $(list!, '[part=progress-text]')!.textContent === `0 of ${boxes.length} done`, 'all cleared');
    });
  }
});

// The design tokens a site may set: every `--nk-…` property documented (the @cssproperty lines on
// NkElement, in custom-elements.json) is read by the elements' styles, and every one the styles
// read is documented. The elements' private `--_nk-…` properties are not tokens.
import { expect, fixture, html } from '@open-wc/testing';
import type { CSSResultOrNative } from 'lit';
import { NkContactCard, NkNetworkChecklist, NkTipCard, NkTipDeck } from '../../packages/components/src/classes.js';
import '../../packages/components/src/index.js';
import { ownPack, ready } from './harness.js';

interface Manifest {
  modules: { declarations?: { name: string; cssProperties?: { name: string }[] }[] }[];
}

const ELEMENTS = { NkTipCard, NkTipDeck, NkContactCard, NkNetworkChecklist };

const cssText = (style: CSSResultOrNative) => (style instanceof CSSStyleSheet ? [...style.cssRules].map((rule) => rule.cssText).join('\n') : style.cssText);

/** The `--nk-…` names a stylesheet text mentions (read or set). */
const tokensIn = (css: string) => new Set(css.match(/--nk-[a-z][a-z0-9-]*/g) ?? []);

async function documented(): Promise<Map<string, string[]>> {
  const manifest = (await (await fetch('/packages/components/custom-elements.json')).json()) as Manifest;
  const byClass = new Map<string, string[]>();
  for (const module of manifest.modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.cssProperties)
        byClass.set(
          declaration.name,
          declaration.cssProperties.map((p) => p.name),
        );
    }
  }
  return byClass;
}

describe('design tokens', () => {
  it('documents on NkElement every --nk-… property the styles use, and uses every one documented', async () => {
    const docs = await documented();
    const onBase = new Set(docs.get('NkElement'));
    expect(onBase.size, 'NkElement documents its tokens').to.be.above(0);
    const used = new Set<string>();
    for (const element of Object.values(ELEMENTS)) {
      const styles = [element.styles].flat(Infinity) as CSSResultOrNative[];
      for (const style of styles) for (const name of tokensIn(cssText(style))) used.add(name);
    }
    expect(
      [...used].filter((name) => !onBase.has(name)),
      'used but not documented',
    ).to.deep.equal([]);
    expect(
      [...onBase].filter((name) => !used.has(name)),
      'documented but not used',
    ).to.deep.equal([]);
  });

  it('lists the same tokens on every element as on NkElement', async () => {
    const docs = await documented();
    const base = [...(docs.get('NkElement') ?? [])].sort();
    for (const name of Object.keys(ELEMENTS)) expect([...(docs.get(name) ?? [])].sort(), name).to.deep.equal(base);
  });
});

describe('element styles', () => {
  it('are one adopted stylesheet per element, with the tokens and its own rules in it', async () => {
    const pack = await ownPack();
    const host = await fixture<HTMLDivElement>(html`<div>
      <nk-tip-card lang="en" .packData=${pack} tip="risks"></nk-tip-card>
      <nk-network-checklist lang="en" .packData=${pack}></nk-network-checklist>
    </div>`);
    for (const [tag, own] of [
      ['nk-tip-card', '.card'],
      ['nk-network-checklist', '.card > '],
    ]) {
      const el = await ready(host.querySelector(tag)!);
      const sheets = el.shadowRoot!.adoptedStyleSheets;
      expect(sheets, tag).to.have.length(1);
      const selectors = [...sheets[0]!.cssRules].map((rule) => (rule as CSSStyleRule).selectorText ?? '');
      expect(selectors, tag).to.include(':host');
      expect(
        selectors.some((selector) => selector.startsWith(own!)),
        `${tag} has its ${own} rule`,
      ).to.equal(true);
    }
  });
});

// The elements under the municipal themes as they are published on npm (dev dependencies, served
// from node_modules by the test server). What each element shows must be what the theme's own
// tokens say: the expected values are read from the same CSS through a probe element.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/components/src/index.js';
import { $, ownBasePack, until } from './harness.js';

interface Theme {
  name: string;
  css: string;
  className: string;
  /** The theme's token for each thing the elements take from it. */
  tokens: { font: string; text: string; link: string; buttonBg: string; buttonText: string; focus: string };
}

const THEMES: Theme[] = [
  {
    // Only --utrecht-… component tokens, no --basis-… ones.
    name: 'Utrecht (@utrecht/design-tokens)',
    css: '/node_modules/@utrecht/design-tokens/dist/theme.css',
    className: 'utrecht-theme',
    tokens: {
      font: '--utrecht-document-font-family',
      text: '--utrecht-document-color',
      link: '--utrecht-link-color',
      buttonBg: '--utrecht-button-primary-action-background-color',
      buttonText: '--utrecht-button-primary-action-color',
      focus: '--utrecht-focus-outline-color',
    },
  },
  {
    // --basis-… for the document, its accent only in Utrecht's link and button tokens.
    name: 'Rijkshuisstijl (@rijkshuisstijl-community/design-tokens)',
    css: '/node_modules/@rijkshuisstijl-community/design-tokens/dist/index.css',
    className: 'rhc-theme',
    tokens: {
      font: '--basis-text-font-family-default',
      text: '--basis-color-default-color-document',
      link: '--utrecht-link-color',
      buttonBg: '--utrecht-button-primary-action-background-color',
      buttonText: '--utrecht-button-primary-action-color',
      focus: '--basis-focus-outline-color',
    },
  },
  {
    // Both kinds; the --basis-… ones come first.
    name: 'Voorbeeld (@nl-design-system-unstable/voorbeeld-design-tokens)',
    css: '/node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist/theme.css',
    className: 'voorbeeld-theme',
    tokens: {
      font: '--basis-text-font-family-default',
      text: '--basis-color-default-color-document',
      link: '--basis-color-action-1-color-default',
      buttonBg: '--basis-color-action-1-color-default',
      buttonText: '--basis-color-action-1-inverse-color-default',
      focus: '--basis-focus-outline-color',
    },
  },
];

/** Loads a stylesheet into the page; resolves once it applies. */
function stylesheet(href: string): Promise<HTMLLinkElement> {
  const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href });
  return new Promise((resolve, reject) => {
    link.onload = () => resolve(link);
    link.onerror = () => reject(new Error(`${href} did not load`));
    document.head.append(link);
  });
}

/** The computed value of `property: var(token)` on a probe inside the theme: the token as the browser resolves it. */
function resolved(scope: HTMLElement, property: 'color' | 'font-family', token: string): string {
  const probe = document.createElement('span');
  probe.style.setProperty(property, `var(${token})`);
  scope.append(probe);
  const value = getComputedStyle(probe).getPropertyValue(property);
  probe.remove();
  return value;
}

for (const theme of THEMES) {
  describe(`the elements under the ${theme.name} theme`, () => {
    let link: HTMLLinkElement;
    before(async () => {
      link = await stylesheet(theme.css);
    });
    after(() => link.remove());

    it("take the theme's font, text, link, button and focus colours, and stay accessible", async () => {
      const scope = await fixture<HTMLElement>(html`<div class=${theme.className}>
        <button id="before">before</button>
        <nk-contact-card lang="en" .packData=${ownBasePack()} contact="anna"></nk-contact-card>
        <nk-tip-card lang="en" .packData=${ownBasePack()} tip="risks"></nk-tip-card>
        <nk-network-checklist lang="en" .packData=${ownBasePack()} checklist="meeting"></nk-network-checklist>
        <nk-tip-deck lang="en" .packData=${ownBasePack()}></nk-tip-deck>
      </div>`);
      const [contact, card, list, deck] = [...scope.querySelectorAll<HTMLElement>('nk-contact-card, nk-tip-card, nk-network-checklist, nk-tip-deck')];
      for (const el of [contact!, card!, list!, deck!]) await until(() => $(el, '[part=heading]'), `${el.localName} renders`);

      const want = {
        font: resolved(scope, 'font-family', theme.tokens.font),
        text: resolved(scope, 'color', theme.tokens.text),
        link: resolved(scope, 'color', theme.tokens.link),
        buttonBg: resolved(scope, 'color', theme.tokens.buttonBg),
        buttonText: resolved(scope, 'color', theme.tokens.buttonText),
        focus: resolved(scope, 'color', theme.tokens.focus),
      };
      // The theme sets every one of these: otherwise the checks below could pass on defaults.
      for (const token of Object.values(theme.tokens)) {
        expect(getComputedStyle(scope).getPropertyValue(token).trim(), `${theme.className} sets ${token}`).not.to.equal('');
        expect(getComputedStyle(document.body).getPropertyValue(token).trim(), `${token} outside the theme`).to.equal('');
      }

      for (const el of [contact!, card!, list!, deck!]) {
        const heading = getComputedStyle($(el, '[part=heading]')!);
        expect(heading.fontFamily, `${el.localName} font`).to.equal(want.font);
        expect(heading.color, `${el.localName} text colour`).to.equal(want.text);
      }
      for (const [el, selector] of [
        [contact!, '[part=mail]'],
        [card!, '[part=source] a, a'],
        [deck!, 'a'],
      ] as const) {
        expect(getComputedStyle($(el, selector)!).color, `${el.localName} link colour`).to.equal(want.link);
      }
      const save = getComputedStyle($(contact!, 'button.primary')!);
      expect(save.backgroundColor, 'primary button background').to.equal(want.buttonBg);
      expect(save.color, 'primary button text').to.equal(want.buttonText);

      // Focus from the keyboard: Tab from the button before the contact card lands on its first control.
      scope.querySelector<HTMLButtonElement>('#before')!.focus();
      await sendKeys({ press: 'Tab' });
      const focused = contact!.shadowRoot!.activeElement as HTMLElement | null;
      expect(focused, 'Tab moves into the contact card').to.exist;
      expect(getComputedStyle(focused!).outlineColor, 'focus outline').to.equal(want.focus);

      for (const el of [contact!, card!, list!, deck!]) await expect(el).to.be.accessible();
    });
  });
}

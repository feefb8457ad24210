// Script in every text and URL field of a pack, rendered by every element: nothing runs. Each
// payload calls window.__nkXss(n); a payload put into the page on purpose at the end of each test
// proves the trap works and gives any delayed handler (onerror after a failed image load) its chance.
import { expect, fixture, html } from '@open-wc/testing';
import { isSafeUrl } from '@netwerkkracht/core';
import { $, until } from '../components/harness.js';
import { blobUrl, installXssTrap, packWithText, packWithUrl, PAYLOADS, watchPage } from './corpus.js';
import { renderEach, type NkHost } from './elements.js';

const ALLOWED_SCHEMES = ['https:', 'http:', 'mailto:', 'tel:'];

/** The elements and attribute names inside each element's shadow root and its own light DOM. */
function shape(elements: Element[]): string[] {
  const describe = (node: Element) =>
    `${node.localName}[${[...node.attributes]
      .map((a) => a.name)
      .sort()
      .join(',')}]`;
  return elements.flatMap((el) => [...[...el.shadowRoot!.querySelectorAll('*')].map(describe), ...[...el.children].map((child) => `light:${describe(child)}`)]);
}

/**
 * A template's new e-mail: a mailto: with no recipient and only a subject and a body, where line
 * breaks (encoded CR LF) may stand in the body alone. isSafeUrl refuses every encoded line break,
 * as a pack's own mailto: link has no reason for one.
 */
function checkTemplateMail(href: string): void {
  const match = /^mailto:\?subject=([^&=#]*)&body=([^&=#]*)$/.exec(href);
  expect(match, href).to.exist;
  expect(match![1], `no line break in the subject: ${href}`).not.to.match(/%0[ad]/i);
  expect(href, 'no raw line break').not.to.match(/[\r\n]/);
}

/** Every link and image in the elements: only the allowed schemes, and no event-handler attributes anywhere. */
function checkUrlsAndHandlers(elements: Element[]): void {
  for (const el of elements) {
    for (const node of el.shadowRoot!.querySelectorAll('*')) {
      const handlers = [...node.attributes].filter((a) => /^on/i.test(a.name));
      expect(
        handlers.map((a) => a.name),
        `${el.localName} ${node.localName}`,
      ).to.deep.equal([]);
    }
    for (const link of el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('a[href]')) {
      expect(ALLOWED_SCHEMES, `${el.localName} link ${link.getAttribute('href')}`).to.include(link.protocol);
      const href = link.getAttribute('href')!;
      if (link.part.contains('template-mail')) checkTemplateMail(href);
      else expect(isSafeUrl(href), href).to.equal(true);
    }
    for (const image of el.shadowRoot!.querySelectorAll<HTMLImageElement>('img')) {
      expect(image.getAttribute('part'), 'only the contact photo is an image').to.equal('photo');
      expect(new URL(image.src).protocol, image.src).to.equal('https:');
    }
    expect(
      el.shadowRoot!.querySelectorAll('script, iframe, object, embed, base, meta, math, form, style, video, audio, foreignObject').length,
      el.localName,
    ).to.equal(0);
    for (const script of el.querySelectorAll('script')) {
      // The contact card's JSON-LD: data, never script; the text cannot close its element.
      expect(script.type, `${el.localName} light DOM`).to.equal('application/ld+json');
      expect(script.textContent).not.to.match(/<\/script|<!--/i);
      expect(() => JSON.parse(script.textContent!)).not.to.throw();
    }
  }
}

/** Puts a payload on the page on purpose and waits until it runs: the trap works, and time has passed. */
async function control(calls: number[]): Promise<void> {
  const probe = await fixture<HTMLDivElement>(html`<div></div>`);
  probe.innerHTML = '<img src="/test-server/status/404" onerror="__nkXss(-1)">';
  await until(() => calls.includes(-1), 'the control payload runs');
}

describe('XSS payloads in every field of a pack', () => {
  const page = watchPage();
  let trap: ReturnType<typeof installXssTrap>;
  let benign: { day: string; shape: string[] } | undefined;

  /**
   * What the same pack with plain words renders, today: the daily deck shows another tip after
   * midnight, so a run that crosses it measures the plain pack again.
   */
  async function benignShape(): Promise<string[]> {
    const day = new Date().toDateString();
    if (benign?.day !== day) {
      const { elements } = await renderEach({ pack: blobUrl(packWithText('plain words', 'xss-benign')) });
      benign = { day, shape: shape(elements) };
    }
    return benign.shape;
  }
  beforeEach(() => {
    trap = installXssTrap();
    page.start();
  });
  afterEach(() => {
    page.stop();
    trap.restore();
    expect(page.errors, 'uncaught errors').to.deep.equal([]);
  });

  for (const payload of PAYLOADS.filter((p) => p.kind === 'text')) {
    it(`shows text payload ${payload.n} as text and runs nothing: ${payload.value}`, async () => {
      const pack = packWithText(payload.value, `xss-text-${payload.n}`);
      const { elements, heard } = await renderEach({ pack: blobUrl(pack) });
      // Plain text is valid pack content: the pack loads, and the payload is shown literally.
      for (const el of elements) expect(heard.get(el), `${el.localName}: ${$(el, '[role=alert]')?.textContent}`).to.equal('nk-pack-load');
      const [card, contact, checklist, deck, daily] = elements as NkHost[];
      expect($(card!, '[part=heading]')!.textContent).to.equal(`Tip ${payload.value}`);
      expect($(contact!, '[part=heading]')!.textContent).to.equal(`Name ${payload.value}`);
      expect(checklist!.shadowRoot!.querySelector('label')!.textContent).to.equal(`Item ${payload.value}`);
      expect($(deck!, '[part=heading]')!.textContent).to.equal(`Pack ${payload.value}`);
      expect($(daily!, '[part=tip-title]')!.textContent).to.equal(`Tip ${payload.value}`);
      // Not one element or attribute more than the same pack with plain words makes.
      expect(shape(elements)).to.deep.equal(await benignShape());
      checkUrlsAndHandlers(elements);
      const ld = contact!.querySelector('script')!;
      expect(JSON.parse(ld.textContent!).name).to.equal(`Name ${payload.value}`);

      // Using the elements runs nothing either: open every tip, search for the payload, save the contact.
      for (const summary of checklist!.shadowRoot!.querySelectorAll<HTMLElement>('summary')) summary.click();
      const search = $<HTMLInputElement>(deck!, 'input[type=search]')!;
      search.value = payload.value;
      search.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await deck!.updateComplete;
      expect($(deck!, '[part=count]')!.textContent).to.match(/^\d+ tips?$|^No tips/);
      let vcard = '';
      contact!.addEventListener('nk-contact-save', (event) => {
        event.preventDefault();
        vcard = (event as CustomEvent<{ vcard: string }>).detail.vcard;
      });
      $(contact!, 'button[part~=save]')!.click();
      await until(() => vcard, 'the vCard is made');
      expect(vcard.match(/^BEGIN:VCARD/gm), 'one vCard').to.have.length(1);
      expect(vcard.match(/^END:VCARD/gm), 'one vCard').to.have.length(1);

      await control(trap.calls);
      expect(trap.calls).to.deep.equal([-1]);
    });
  }

  for (const payload of PAYLOADS.filter((p) => p.kind === 'url')) {
    it(`never turns URL payload ${payload.n} into a live link: ${JSON.stringify(payload.value)}`, async () => {
      // 1. In a pack from a server: validation refuses it, or it is a harmless http(s)/mailto/tel URL.
      const served = await renderEach({ pack: blobUrl(packWithUrl(payload.value, `xss-url-${payload.n}`)) });
      for (const el of served.elements) {
        if (served.heard.get(el) === 'nk-pack-error') expect($(el, '[role=alert]')!.textContent).to.match(/is not an allowed URL|must be an http\(s\) URL/);
      }
      checkUrlsAndHandlers(served.elements);
      // 2. As a pack object (packData skips validation): the elements check every URL themselves.
      const given = await renderEach({ packData: packWithUrl(payload.value, `xss-url-data-${payload.n}`, true) });
      for (const el of given.elements) expect(given.heard.get(el), el.localName).to.equal('nk-pack-load');
      checkUrlsAndHandlers(given.elements);
      // 3. As the contact card's own attributes, the way a page author writes them.
      const card = await fixture<NkHost>(
        html`<nk-contact-card lang="en" name="Anna" url=${payload.value} photo=${payload.value} email=${payload.value} phone=${payload.value}></nk-contact-card>`,
      );
      await card.updateComplete;
      checkUrlsAndHandlers([card]);

      await control(trap.calls);
      expect(trap.calls).to.deep.equal([-1]);
    });
  }

  it('keeps a favourite working when a pack object has ids with quotes and brackets', async () => {
    const pack = packWithText('ids', 'xss-ids');
    pack.tips[0]!.id = 'tip"with\\quotes]';
    const { elements } = await renderEach({ packData: pack }, [['nk-tip-deck', {}]]);
    const deck = elements[0]!;
    const button = [...deck.shadowRoot!.querySelectorAll<HTMLButtonElement>('button[part=favourite]')].find((b) => b.dataset.fav === pack.tips[0]!.id)!;
    button.click();
    await until(() => button.getAttribute('aria-pressed') === 'true', 'the favourite is saved');
    await deck.updateComplete;
    await control(trap.calls);
    expect(trap.calls).to.deep.equal([-1]);
  });
});

import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../packages/components/src/nk-contact-card/nk-contact-card.js';
import type { NkContactCard } from '../../packages/components/src/nk-contact-card/nk-contact-card.js';
import { define } from '../../packages/components/src/internal/define.js';
import { setDefaultPackBase } from '../../packages/components/src/internal/packs.js';
import { captureDownload, stubClipboard } from '../fixtures/browser-apis.js';
import { sticksOut } from '../fixtures/layout.js';
import { saidOnSecondClick } from '../fixtures/live-region.js';
import { fixtureUrl, uniqueName, validPack } from '../fixtures/pack.js';
import { $, button, ownPack, ready, text, until } from './harness.js';

const PACK = fixtureUrl('packs/valid.json');
const PAYLOAD = '</script><script>window.__xss()</script>';
const href = (el: Element, part: string) => $<HTMLAnchorElement>(el, `a[part=${part}]`)?.getAttribute('href');

async function card(template = html`<nk-contact-card lang="en" pack=${PACK} contact="anna"></nk-contact-card>`) {
  return ready(await fixture<NkContactCard>(template), '[part=empty]');
}

/** The element's schema.org JSON-LD, parsed. */
function jsonLd(el: Element): Record<string, unknown> {
  const scripts = el.querySelectorAll(':scope > script[type="application/ld+json"]');
  expect(scripts, 'one JSON-LD script in light DOM').to.have.length(1);
  return JSON.parse(scripts[0]!.textContent!) as Record<string, unknown>;
}

/**
 * A small RFC 6350 reader, written apart from the element's writer: checks CRLF endings and the
 * 75-octet folding, unfolds, and returns each property's unescaped value (N as its components).
 */
function parseVCard(vcard: string): Record<string, { params: string; value: string; parts: string[] }> {
  expect(vcard.endsWith('\r\n'), 'ends with CRLF').to.be.true;
  expect(vcard.replace(/\r\n/g, ''), 'no bare CR or LF').not.to.match(/[\r\n]/);
  const encoder = new TextEncoder();
  for (const line of vcard.split('\r\n')) expect(encoder.encode(line).length, `octets of: ${line}`).to.be.at.most(75);
  // A fold never splits a UTF-8 sequence, so every physical line is valid UTF-8 on its own.
  for (const line of vcard.split('\r\n')) expect(line).not.to.contain('\uFFFD');
  const lines = vcard
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter(Boolean);
  expect(lines[0]).to.equal('BEGIN:VCARD');
  expect(lines[1]).to.equal('VERSION:4.0');
  expect(lines.at(-1)).to.equal('END:VCARD');
  const unescape = (value: string) => value.replace(/\\([\\;,nN])/g, (_, c: string) => (c.toLowerCase() === 'n' ? '\n' : c));
  const props: Record<string, { params: string; value: string; parts: string[] }> = {};
  for (const line of lines.slice(2, -1)) {
    const match = /^([A-Z-]+)((?:;[A-Za-z-]+=[^;:]*)*):(.*)$/.exec(line);
    expect(match, `content line: ${line}`).to.exist;
    const [, name, params, raw] = match!;
    // Split structured values on unescaped semicolons only.
    const parts = raw!.split(/(?<!\\);/).map(unescape);
    props[name!] = { params: params!, value: name === 'URL' || name === 'TEL' ? raw! : unescape(raw!), parts };
  }
  return props;
}

let xssCalls = 0;

describe('<nk-contact-card>', () => {
  let clipboard: ReturnType<typeof stubClipboard>;

  before(() => {
    setDefaultPackBase('/packages/content/packs/');
    (window as unknown as { __xss: () => void }).__xss = () => xssCalls++;
  });
  beforeEach(() => (clipboard = stubClipboard()));
  afterEach(() => clipboard.restore());

  describe('when the pack is still loading', () => {
    it('reserves space with an accessible placeholder', async () => {
      const el = await fixture<NkContactCard>(html`<nk-contact-card lang="en" pack="/test-server/slow?ms=3000" contact="anna"></nk-contact-card>`);
      expect($(el, '[part=loading]')!.getAttribute('aria-busy')).to.equal('true');
      expect(el.getBoundingClientRect().height).to.be.above(80);
      expect(el.querySelector('script')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when it shows a contact from a pack', () => {
    it('shows name, role, organisation, example badge, topics and languages', async () => {
      const el = await card();
      const heading = $(el, '[part=heading]')!;
      expect([heading.getAttribute('role'), heading.getAttribute('aria-level'), heading.textContent]).to.deep.equal(['heading', '3', 'Anna de Vries']);
      expect(text(el, '[part=role]')).to.equal('Network coordinator');
      expect(text(el, '[part=organisation]')).to.equal('Example org');
      expect(text(el, '[part=badge]')).to.equal('Example contact');
      expect(text(el, '[part=details]')).to.equal('Topics networks Languages Dutch, English');
      const avatar = $(el, '[part=avatar]')!;
      expect([avatar.textContent, avatar.getAttribute('aria-hidden')]).to.deep.equal(['AV', 'true']);
      await expect(el).to.be.accessible();
    });

    it('makes call, mail and website real links', async () => {
      const el = await card();
      expect(href(el, 'call')).to.equal('tel:+31201234567');
      expect(text(el, '[part=call]')).to.equal('Call: +31 20 123 4567');
      expect(href(el, 'mail')).to.equal('mailto:anna@example.org');
      expect(text(el, '[part=mail]')).to.equal('E-mail: anna@example.org');
      expect(href(el, 'website')).to.equal('https://example.org/anna');
    });

    it('uses heading-level, and shows no badge for a real contact', async () => {
      const pack = await ownPack((p) => delete p.contacts![0]!.example);
      const el = await card(html`<nk-contact-card lang="en" .packData=${pack} contact="anna" heading-level="4"></nk-contact-card>`);
      expect($(el, '[part=heading]')!.getAttribute('aria-level')).to.equal('4');
      expect($(el, '[part=badge]')).to.equal(null);
    });

    it("lets attributes replace the pack's values", async () => {
      const el = await card(html`<nk-contact-card lang="en" pack=${PACK} contact="anna" organisation="Other org"></nk-contact-card>`);
      expect(text(el, '[part=organisation]')).to.equal('Other org');
      expect(text(el, '[part=heading]')).to.equal('Anna de Vries');
    });

    it('shows another contact when the contact attribute changes', async () => {
      const pack = await ownPack((p) => p.contacts!.push({ id: 'bram', name: 'Bram Bakker' }));
      const el = await card(html`<nk-contact-card lang="en" .packData=${pack} contact="anna"></nk-contact-card>`);
      el.contact = 'bram';
      await until(() => text(el, '[part=heading]') === 'Bram Bakker', 'the new contact shows');
      expect($(el, '[part=links]')!.children).to.have.length(0);
      expect(jsonLd(el).name).to.equal('Bram Bakker');
    });
  });

  describe('when it is given attributes instead of a pack', () => {
    it('shows them, with the job title from job-title, and loads no pack', async () => {
      const el = await card(html`<nk-contact-card
        lang="en"
        name="Fatima el Amrani"
        job-title="Group leader"
        organisation="Welzijn Oost"
        email="fatima@example.org"
        phone="+31 (0)30 765 43 21"
        url="https://example.org/fatima"
        topics="parenting, debts"
        languages="nl, ar"
      ></nk-contact-card>`);
      expect(el.jobTitle).to.equal('Group leader');
      expect(text(el, '[part=role]')).to.equal('Group leader');
      expect(text(el, '[part=heading]')).to.equal('Fatima el Amrani');
      expect(text(el, '[part=avatar]')).to.equal('FA');
      expect(href(el, 'call')).to.equal('tel:+31307654321');
      expect(href(el, 'mail')).to.equal('mailto:fatima@example.org');
      expect([...el.shadowRoot!.querySelectorAll('[part=tag]')].map((li) => li.textContent)).to.deep.equal(['parenting', 'debts']);
      expect(text(el, '[part=details] div:last-child dd')).to.equal('Dutch, Arabic');
      expect($(el, '[part=badge]')).to.equal(null);
      await expect(el).to.be.accessible();
      expect(el.hasAttribute('role')).to.be.false;
      el.setAttribute('job-title', 'Team lead');
      await until(() => text(el, '[part=role]') === 'Team lead', 'a later job title shows');
      expect(el.jobTitle).to.equal('Team lead');
    });

    describe('with the deprecated role attribute', () => {
      let warnings: unknown[][];
      let warn: typeof console.warn;
      beforeEach(() => {
        warnings = [];
        warn = console.warn;
        console.warn = (...args: unknown[]) => void warnings.push(args);
      });
      afterEach(() => (console.warn = warn));

      it('still shows it as the job title, warns once and leaves the host its role', async () => {
        const el = await card(html`<nk-contact-card lang="en" name="Fatima el Amrani" role="Group leader"></nk-contact-card>`);
        expect(text(el, '[part=role]')).to.equal('Group leader');
        expect(el.getAttribute('role')).to.equal('Group leader');
        el.setAttribute('role', 'Team lead');
        await until(() => text(el, '[part=role]') === 'Team lead', 'a later role shows');
        expect(el.getAttribute('role')).to.equal('Team lead');
        expect(warnings).to.have.length(1);
        expect(String(warnings[0]![0])).to.contain('job-title');
      });

      it('gives way to job-title, and a real ARIA role on the host stays as the page set it', async () => {
        const el = await card(
          html`<nk-contact-card lang="en" name="Fatima el Amrani" role="region" aria-label="Contact" job-title="Group leader"></nk-contact-card>`,
        );
        expect(text(el, '[part=role]')).to.equal('Group leader');
        expect(el.getAttribute('role')).to.equal('region');
        expect(warnings).to.have.length(0);
        await expect(el).to.be.accessible();
      });

      it('does not warn when only job-title is used', async () => {
        const el = await card(html`<nk-contact-card lang="en" name="Fatima el Amrani" job-title="Group leader"></nk-contact-card>`);
        expect(text(el, '[part=role]')).to.equal('Group leader');
        expect(warnings).to.have.length(0);
      });
    });

    it('tries the photo of the next contact after one failed', async () => {
      const failing = new URL('/packages/content/packs/nl.json', location.href).href;
      const good = new URL('/demo/favicon.svg', location.href).href;
      const pack = await validPack();
      pack.id = uniqueName('pack');
      pack.contacts = [
        { ...pack.contacts![0]!, id: 'a', photo: failing },
        { ...pack.contacts![0]!, id: 'b', name: 'Bram Bakker', photo: good },
      ];
      const el = await card(html`<nk-contact-card lang="en" .packData=${pack} contact="a"></nk-contact-card>`);
      await until(() => $(el, '[part=avatar]'), 'initials replace the failed photo');
      el.contact = 'b';
      await until(() => text(el, '[part=heading]') === 'Bram Bakker', 'the next contact shows');
      await until(() => $<HTMLImageElement>(el, 'img[part=photo]')?.complete, 'the photo shows');
      expect($<HTMLImageElement>(el, 'img[part=photo]')!.naturalWidth).to.be.above(0);
    });

    it('shows the photo when it is an http(s) URL, and initials otherwise or when it fails', async () => {
      const photo = new URL('/packages/content/packs/nl.json', location.href).href;
      const el = await card(html`<nk-contact-card lang="en" name="Anna" photo=${photo}></nk-contact-card>`);
      const img = $<HTMLImageElement>(el, 'img[part=photo]')!;
      expect([img.getAttribute('src'), img.alt]).to.deep.equal([photo, '']);
      // That URL is no image: the error swaps in the initials.
      await until(() => $(el, '[part=avatar]'), 'initials replace a failed photo');
      expect(text(el, '[part=avatar]')).to.equal('A');
      for (const bad of ['javascript:window.__xss()', 'data:image/png;base64,AAAA', 'mailto:x@example.org']) {
        const other = await card(html`<nk-contact-card lang="en" name="Anna" photo=${bad}></nk-contact-card>`);
        expect($(other, 'img'), bad).to.equal(null);
      }
      await expect(el).to.be.accessible();
    });

    it('shows invalid e-mail and phone values as text, never as links', async () => {
      const el = await card(html`<nk-contact-card lang="en" name="Anna" email="not an address" phone="call me" url="javascript:alert(1)"></nk-contact-card>`);
      expect(el.shadowRoot!.querySelectorAll('a')).to.have.length(0);
      expect(text(el, '[part=links]')).to.equal('call me not an address');
      expect($(el, '[part~=copy]')).to.equal(null);
      const other = await card(html`<nk-contact-card lang="en" name="Anna" email="a@example.org?cc=b@example.org" phone="+31 20 1"></nk-contact-card>`);
      expect(other.shadowRoot!.querySelectorAll('a')).to.have.length(0);
      await expect(el).to.be.accessible();
    });

    it('shows the empty state without a name, and writes no JSON-LD', async () => {
      const el = await card(html`<nk-contact-card lang="en"></nk-contact-card>`);
      expect(text(el, '[part=empty]')).to.equal('There is nothing to show here yet.');
      expect(el.querySelector('script')).to.equal(null);
      await expect(el).to.be.accessible();
      el.name = 'Late Name';
      await until(() => text(el, '[part=heading]') === 'Late Name', 'the name shows');
      expect(jsonLd(el).name).to.equal('Late Name');
    });
  });

  describe('when the e-mail address is copied', () => {
    it('copies it, says "Copied" politely and fires nk-copy', async () => {
      const el = await card();
      const status = $(el, '[part=status]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(button(el, 'copy').textContent!.trim()).to.equal('Copy e-mail address');
      setTimeout(() => button(el, 'copy').click());
      expect((await oneEvent(el, 'nk-copy')).detail.text).to.equal('anna@example.org');
      expect(clipboard.copied).to.deep.equal(['anna@example.org']);
      await until(() => status.textContent === 'Copied', 'the confirmation shows');
      await expect(el).to.be.accessible();
    });

    it('keeps focus on the button when it copies through the fallback', async () => {
      clipboard.restore();
      clipboard = stubClipboard(() => Promise.reject(new DOMException('denied', 'NotAllowedError')));
      const execCommand = document.execCommand;
      let selected = '';
      document.execCommand = () => {
        selected = (document.activeElement as HTMLTextAreaElement).value;
        return true;
      };
      try {
        const el = await card();
        const copy = button(el, 'copy');
        copy.focus();
        copy.click();
        await until(() => text(el, '[part=status]') === 'Copied', 'the confirmation shows');
        expect(selected).to.equal('anna@example.org');
        expect(el.shadowRoot!.activeElement === copy && document.activeElement === el, 'focus is back on the button').to.equal(true);
      } finally {
        document.execCommand = execCommand;
      }
    });

    it('announces a second copy again', async () => {
      const el = await card();
      const texts = await saidOnSecondClick($(el, '[part=status]')!, button(el, 'copy'), 'Copied', until);
      expect(clipboard.copied).to.have.length(2);
      expect(texts, 'emptied, then said again').to.deep.equal(['', 'Copied']);
    });

    it('says so when copying fails', async () => {
      clipboard.restore();
      clipboard = stubClipboard(() => Promise.reject(new Error('denied')));
      const execCommand = document.execCommand;
      document.execCommand = () => false;
      try {
        const el = await card();
        button(el, 'copy').click();
        await until(() => text(el, '[part=status]')?.startsWith('Copying did not work'), 'the failure is told');
      } finally {
        document.execCommand = execCommand;
      }
    });
  });

  describe('when the contact is saved', () => {
    it('downloads a vCard 4.0 that parses back, and fires nk-contact-save', async () => {
      const el = await card();
      let detail: { vcard: string; fileName: string } | undefined;
      el.addEventListener('nk-contact-save', (event) => (detail = event.detail));
      const file = await captureDownload(() => button(el, 'save').click());
      expect(file.name).to.equal('Anna-de-Vries.vcf');
      expect(detail).to.deep.equal({ vcard: file.text, fileName: file.name });
      const vcard = parseVCard(file.text);
      expect(vcard.FN!.value).to.equal('Anna de Vries');
      expect(vcard.N!.parts).to.deep.equal(['de Vries', 'Anna', '', '', '']);
      expect(vcard.ORG!.value).to.equal('Example org');
      expect(vcard.TITLE!.value).to.equal('Network coordinator');
      expect(vcard.EMAIL!.value).to.equal('anna@example.org');
      expect([vcard.TEL!.params, vcard.TEL!.value]).to.deep.equal([';VALUE=uri', 'tel:+31201234567']);
      expect(vcard.URL!.value).to.equal('https://example.org/anna');
      expect(vcard.CATEGORIES!.value).to.equal('networks');
      await until(() => text(el, '[part=status]')?.startsWith('The contact has been downloaded'), 'the download is told');
      await expect(el).to.be.accessible();
    });

    it('escapes commas, semicolons, backslashes and line breaks, and folds long lines at 75 octets', async () => {
      const name = 'Zoë "Jo" van den Berg-Ørsted; jr., MSc \\ Coördinator ✓ 🧭 ééééééééééééééééééééééé';
      const role = 'Lead, networks;\nsecond line\r\nthird line';
      const organisation = 'Stichting Welzijn; Jeugd, Gezin \\ Wijk';
      const el = await card(html`<nk-contact-card
        lang="en"
        name=${name}
        job-title=${role}
        organisation=${organisation}
        email="zoe@example.org"
        phone="+31 6 12345678"
        url="https://example.org/a,b;c"
        topics="one; two, three"
      ></nk-contact-card>`);
      el.addEventListener('nk-contact-save', (event) => event.preventDefault());
      setTimeout(() => button(el, 'save').click());
      const { detail } = await oneEvent(el, 'nk-contact-save');
      const vcard = parseVCard(detail.vcard);
      expect(vcard.FN!.value).to.equal(name);
      expect(vcard.N!.parts).to.deep.equal([name.split(' ').slice(1).join(' '), 'Zoë', '', '', '']);
      expect(vcard.TITLE!.value).to.equal('Lead, networks;\nsecond line\nthird line');
      expect(vcard.ORG!.value).to.equal(organisation);
      expect(vcard.EMAIL!.value).to.equal('zoe@example.org');
      expect(vcard.TEL!.value).to.equal('tel:+31612345678');
      expect(vcard.URL!.value).to.equal('https://example.org/a,b;c');
      expect(vcard.CATEGORIES!.value.split(/(?<!\\),/)).to.have.length(2);
      expect(detail.vcard.split('\r\n').length, 'long lines were folded').to.be.above(12);
    });

    it('lets the host save it instead by cancelling nk-contact-save', async () => {
      const el = await card();
      let offered = false;
      const watch = (event: Event) => {
        if ((event.composedPath()[0] as HTMLAnchorElement).download) offered = true;
        event.preventDefault();
      };
      document.addEventListener('click', watch, true);
      try {
        el.addEventListener('nk-contact-save', (event) => event.preventDefault());
        setTimeout(() => button(el, 'save').click());
        await oneEvent(el, 'nk-contact-save');
        await el.updateComplete;
        expect(offered).to.be.false;
        expect(text(el, '[part=status]')).to.equal('');
      } finally {
        document.removeEventListener('click', watch, true);
      }
    });

    it('works from the keyboard', async () => {
      const el = await card();
      button(el, 'save').focus();
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'save'));
      el.addEventListener('nk-contact-save', (event) => event.preventDefault());
      const saved = oneEvent(el, 'nk-contact-save');
      await sendKeys({ press: 'Enter' });
      await saved;
      $<HTMLAnchorElement>(el, 'a[part=mail]')!.focus();
      expect(el.shadowRoot!.activeElement?.getAttribute('part')).to.equal('mail');
    });
  });

  describe('when search engines read the page', () => {
    it('writes a schema.org Person as JSON-LD into the light DOM', async () => {
      const el = await card();
      expect(jsonLd(el)).to.deep.equal({
        '@context': 'https://schema.org',
        '@type': 'Person',
        name: 'Anna de Vries',
        jobTitle: 'Network coordinator',
        worksFor: { '@type': 'Organization', name: 'Example org' },
        email: 'anna@example.org',
        telephone: '+31 20 123 4567',
        url: 'https://example.org/anna',
        knowsAbout: ['networks'],
        knowsLanguage: ['nl', 'en'],
      });
      el.organisation = 'New org';
      await until(() => (jsonLd(el).worksFor as { name: string }).name === 'New org', 'the JSON-LD follows');
    });

    it('cannot be broken out of by a name holding a closing script tag', async () => {
      xssCalls = 0;
      const el = await card(html`<nk-contact-card lang="en" name=${`Anna ${PAYLOAD}`} job-title=${PAYLOAD}></nk-contact-card>`);
      const script = el.querySelector('script')!;
      expect(script.textContent).not.to.contain('</script');
      expect(script.textContent).not.to.contain('<');
      const data = jsonLd(el);
      expect([data.name, data.jobTitle]).to.deep.equal([`Anna ${PAYLOAD}`, PAYLOAD]);
      // A CMS that saves the page serialises the script text as it is; parse that markup again
      // the way a page load would, where a script that broke out would run.
      const copy = document.createElement('div');
      copy.append(document.createRange().createContextualFragment(el.innerHTML));
      document.body.append(copy);
      try {
        expect(copy.querySelectorAll('script')).to.have.length(1);
        expect(JSON.parse(copy.querySelector('script')!.textContent!).name).to.equal(`Anna ${PAYLOAD}`);
      } finally {
        copy.remove();
      }
      expect(text(el, '[part=heading]')).to.equal(`Anna ${PAYLOAD}`);
      expect(xssCalls).to.equal(0);
    });
  });

  describe('when the contact id is unknown', () => {
    it('says which contact is missing, with role="alert"', async () => {
      const el = await card(html`<nk-contact-card lang="en" pack=${PACK} contact="nobody"></nk-contact-card>`);
      const error = $(el, '[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.equal('The contact "nobody" is not in this content.');
      expect(el.querySelector('script')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('when the pack cannot be loaded', () => {
    it('shows a readable message with role="alert" and fires nk-pack-error', async () => {
      const el = document.createElement('nk-contact-card');
      el.lang = 'nl';
      el.contact = 'anna';
      el.pack = '/test-server/status/404';
      const failed = oneEvent(el, 'nk-pack-error');
      (await fixture(html`<div></div>`)).append(el);
      await failed;
      await ready(el, '[part=empty]');
      const error = $(el, '[part=error]')!;
      expect(error.getAttribute('role')).to.equal('alert');
      expect(error.textContent).to.match(/^De inhoud kon niet worden geladen: .+\.$/);
      await expect(el).to.be.accessible();
    });
  });

  describe('when no pack is given', () => {
    it("takes the contact from the default pack in the element's language", async () => {
      const en = await card(html`<nk-contact-card lang="en" contact="netwerkcoordinator-jeugd"></nk-contact-card>`);
      expect(text(en, '[part=role]')).to.equal('Youth network coordinator (example contact)');
      const nl = await card(html`<nk-contact-card lang="nl" contact="netwerkcoordinator-jeugd"></nk-contact-card>`);
      expect(text(nl, '[part=role]')).to.equal('Netwerkcoördinator jeugd (voorbeeldcontact)');
      expect(text(nl, '[part=badge]')).to.equal('Voorbeeldcontact');
      await expect(nl).to.be.accessible();
    });
  });

  describe('when the language changes', () => {
    it("speaks Dutch or English, from its own lang or an ancestor's", async () => {
      const el = await card(html`<nk-contact-card lang="nl" pack=${PACK} contact="anna"></nk-contact-card>`);
      expect(button(el, 'save').textContent!.trim()).to.equal('Contact opslaan');
      expect(button(el, 'copy').textContent!.trim()).to.equal('E-mailadres kopiëren');
      expect(text(el, '[part=call]')).to.equal('Bellen: +31 20 123 4567');
      expect(text(el, '[part=details]')).to.equal('Onderwerpen networks Talen Nederlands, Engels');
      el.lang = 'en';
      await until(() => button(el, 'save').textContent!.trim() === 'Save contact', 'English after switching');
      const wrapper = await fixture(html`<div lang="en"><nk-contact-card name="Anna" email="a@example.org"></nk-contact-card></div>`);
      const child = await ready(wrapper.querySelector('nk-contact-card')!);
      expect(button(child, 'copy').textContent!.trim()).to.equal('Copy e-mail address');
    });
  });

  describe('when a site sets theme tokens', () => {
    it('uses --nk-… tokens, then NL Design System --basis-… tokens', async () => {
      const a = await fixture(html`<div style="--nk-color-accent: rgb(1, 2, 3); --basis-color-action-1-color-default: rgb(4, 5, 6)">
        <nk-contact-card lang="en" name="Anna de Vries"></nk-contact-card>
      </div>`);
      const nk = await ready(a.querySelector('nk-contact-card')!);
      expect(getComputedStyle($(nk, '[part=avatar]')!).backgroundColor).to.equal('rgb(1, 2, 3)');
      const b = await fixture(html`<div style="--basis-color-action-1-color-default: rgb(4, 5, 6); --nk-font-family: monospace">
        <nk-contact-card lang="en" name="Anna de Vries"></nk-contact-card>
      </div>`);
      const basis = await ready(b.querySelector('nk-contact-card')!);
      expect(getComputedStyle(button(basis, 'save')).backgroundColor).to.equal('rgb(4, 5, 6)');
      expect(getComputedStyle($(basis, '[part=heading]')!).fontFamily).to.equal('monospace');
    });

    it('has a dark theme and exposes parts', async () => {
      const wrapper = await fixture(html`<div>
        <style>
          .themed::part(avatar) { border-radius: 4px; }
        </style>
        <nk-contact-card class="themed" theme="dark" lang="en" pack=${PACK} contact="anna"></nk-contact-card>
      </div>`);
      const el = await ready(wrapper.querySelector('nk-contact-card')!);
      expect(getComputedStyle($(el, '[part~=base]')!).backgroundColor).to.equal('rgb(28, 33, 41)');
      expect(getComputedStyle($(el, '[part=avatar]')!).borderTopLeftRadius).to.equal('4px');
      await expect(el).to.be.accessible();
    });
  });

  describe('when the pack holds HTML and script payloads', () => {
    it('shows them as literal text and runs nothing', async () => {
      xssCalls = 0;
      const el = await card(html`<nk-contact-card lang="en" pack=${fixtureUrl('packs/xss.json')} contact="evil-contact"></nk-contact-card>`);
      expect(text(el, '[part=heading]')).to.equal('Name <img src=x onerror="window.__xss()"><script>window.__xss()</script>');
      expect(text(el, '[part=role]')).to.contain('<script>');
      expect(text(el, '[part=organisation]')).to.contain('<img src=x');
      expect(text(el, '[part=tag]')).to.contain('<script>');
      expect(el.shadowRoot!.querySelectorAll('img, script')).to.have.length(0);
      expect(jsonLd(el).name).to.contain('<script>');
      expect(xssCalls).to.equal(0);
    });

    it('never turns a javascript: URL into a link or a photo', async () => {
      xssCalls = 0;
      const pack = await ownPack((p) => {
        Object.assign(p.contacts![0]!, { url: 'javascript:window.__xss()', photo: 'javascript:window.__xss()', email: 'x@example.org\nbcc:y@example.org' });
      });
      const el = await card(html`<nk-contact-card lang="en" .packData=${pack} contact="anna"></nk-contact-card>`);
      expect(el.shadowRoot!.querySelector('a[href^="javascript:" i], a[href*="bcc"], img')).to.equal(null);
      const data = jsonLd(el);
      expect([data.url, data.image, data.email]).to.deep.equal([undefined, undefined, undefined]);
      expect(xssCalls).to.equal(0);
    });
  });

  describe('when the host page has aggressive CSS', () => {
    let style: HTMLStyleElement;
    beforeEach(() => {
      style = document.createElement('style');
      style.textContent = '* { all: unset !important } html { font-size: 48px } button { display: none !important }';
      document.head.append(style);
    });
    afterEach(() => style.remove());

    it('stays readable and its links and buttons keep working', async () => {
      const el = await card();
      for (const part of ['base', 'heading', 'role', 'avatar', 'links', 'actions', 'call']) {
        const node = $(el, `[part~=${part}]`)!;
        expect(getComputedStyle(node).display, part).not.to.equal('none');
        expect(getComputedStyle(node).visibility, part).to.equal('visible');
        expect(node.getBoundingClientRect().height, part).to.be.above(0);
      }
      expect(getComputedStyle(button(el, 'save')).display).not.to.equal('none');
      setTimeout(() => button(el, 'copy').click());
      await oneEvent(el, 'nk-copy');
    });
  });

  describe('when the card is 320 px wide', () => {
    it('does not scroll sideways, also with a long e-mail address', async () => {
      const wrapper = await fixture(html`<div style="inline-size: 320px">
        <nk-contact-card lang="nl" name="Maximiliaan van Oldenbarnevelt-Wijnbergen" job-title="Netwerkcoördinator jeugd en gezin"
          email="maximiliaan.vanoldenbarnevelt-wijnbergen@voorbeeldgemeente.example" phone="+31 20 123 4567" topics="netwerkbijeenkomsten, samenwerking in de wijk"></nk-contact-card>
      </div>`);
      const el = await ready(wrapper.querySelector('nk-contact-card')!);
      const cardEl = $(el, '[part~=base]')!;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(cardEl.scrollWidth).to.be.at.most(cardEl.clientWidth);
      expect(sticksOut(el)).to.deep.equal([]);
    });
  });

  describe('when the bundle is loaded twice', () => {
    it('does not throw on the second definition', () => {
      expect(() => define('nk-contact-card', class extends HTMLElement {})).not.to.throw();
      expect(customElements.get('nk-contact-card')!.name).to.equal('NkContactCard');
    });
  });
});

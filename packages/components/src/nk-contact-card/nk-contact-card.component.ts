import { html, nothing, type PropertyValues } from 'lit';
import { isSafeUrl, type Contact } from '@netwerkkracht/core';
import { dialNumber, isEmailAddress } from '@netwerkkracht/core/rules.js';
import { CopyController } from '../internal/copy.js';
import { emit } from '../internal/emit.js';
import type { Locale } from '../internal/i18n.js';
import { t } from './nk-contact-card.strings.js';
import { icon, ICONS, iconStyles } from '../internal/icons.js';
import { LiveMessage } from '../internal/live-message.js';
import { NkElement } from '../internal/nk-element.js';
import { styles } from './nk-contact-card.styles.js';

/** Detail of `nk-contact-save`. Cancel the event to save the vCard yourself. */
export interface ContactSaveDetail {
  vcard: string;
  fileName: string;
}

type Person = Partial<Contact> & { name: string };

/** Only checked values become links, vCard fields and JSON-LD: by the rules packs are validated with. */
function checked(p: Person) {
  return {
    email: p.email && isEmailAddress(p.email) ? p.email : undefined,
    tel: p.phone ? dialNumber(p.phone) : undefined,
    url: p.url && isSafeUrl(p.url) ? p.url : undefined,
    photo: p.photo && isSafeUrl(p.photo) && /^https?:/i.test(p.photo) ? p.photo : undefined,
  };
}

type Checked = ReturnType<typeof checked>;

function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Numbers and addresses read left to right, also on a right-to-left page ("12345678 6 31+" otherwise). */
const ltr = (value: string) => html`<span dir="ltr">${value}</span>`;

const list = (value: string | undefined) =>
  value
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/**
 * A person to ask: name, job title, organisation, topics and languages, with their photo or initials.
 * Calling and mailing are real `tel:` and `mailto:` links; "save contact" downloads a vCard 4.0.
 * The element also writes the person as schema.org JSON-LD into its light DOM, so search engines
 * and assistants see what the page shows.
 *
 * Use `contact` (+ `pack`) to show a contact from a pack, or the attributes `name`, `job-title`,
 * `organisation`, `email`, `phone`, `url`, `photo`, `topics` and `languages`. Attributes given
 * next to `contact` replace the pack's values. The `role` attribute, once read as the job title, is
 * deprecated: it still works for one version, with a console warning, and the host keeps it.
 *
 * @tag nk-contact-card
 * @summary A contact person: call, mail, save as vCard.
 *
 * @attr role - Deprecated as the job title (use `job-title`): read as one when `job-title` is not set, for this version only, with a console warning. The host keeps it as its ARIA role.
 *
 * @csspart base - The card around everything.
 * @csspart card - Deprecated: the same element as `base`, which replaces it; removed in the next version.
 * @csspart photo - The photo.
 * @csspart avatar - The initials shown when there is no photo.
 * @csspart heading - The name.
 * @csspart role - The job title.
 * @csspart organisation - The organisation.
 * @csspart badge - The "Example contact" label.
 * @csspart details - Topics and languages.
 * @csspart tag - One topic.
 * @csspart links - The list of phone, e-mail and website links (`call`, `mail`, `website`).
 * @csspart actions - The row of buttons.
 * @csspart button - Each button (also `copy`, `save`).
 * @csspart status - The confirmation after copying or saving (a polite live region).
 * @csspart error - A message when the contact or its pack cannot be shown.
 * @csspart loading - The placeholder while the pack loads.
 *
 * @fires nk-copy - The e-mail address was copied. Detail: `{ text }`.
 * @fires nk-contact-save - "Save contact" was pressed; cancelable. Detail: `{ vcard, fileName }`.
 */
export class NkContactCard extends NkElement {
  static override styles = [...NkElement.styles, iconStyles, styles];

  static override properties = {
    ...NkElement.properties,
    contact: { type: String },
    name: { type: String },
    jobTitle: { type: String, attribute: 'job-title' },
    organisation: { type: String },
    email: { type: String },
    phone: { type: String },
    url: { type: String },
    photo: { type: String },
    topics: { type: String },
    languages: { type: String },
    broken: { state: true, attribute: false },
  };

  /** Id of the contact in the pack. */
  declare contact: string | undefined;
  /** Full name. */
  declare name: string | undefined;
  /** Job title. (The `role` attribute still sets it for one version, deprecated: use `job-title`.) */
  declare jobTitle: string | undefined;
  /** Organisation the person works for. */
  declare organisation: string | undefined;
  /** E-mail address; a link only when it is a valid address. */
  declare email: string | undefined;
  /** Phone number; a `tel:` link only when it is a valid number. */
  declare phone: string | undefined;
  /** Web page about the person (https:). */
  declare url: string | undefined;
  /** Photo (https:); without it, or when it fails to load, the initials. */
  declare photo: string | undefined;
  /** Topics to ask about, separated by commas. */
  declare topics: string | undefined;
  /** Language tags the person speaks, separated by commas (`nl, en`). */
  declare languages: string | undefined;
  /** The photo address that failed to load: another contact's photo is tried again. */
  declare protected broken: string | undefined;
  private person: Person | undefined;
  private roleWarned = false;
  private ld: HTMLScriptElement | undefined;
  private live = new LiveMessage(this, 6000);
  private copier = new CopyController(this, this.live);

  constructor() {
    super();
    this.broken = undefined;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'role'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    if (name !== 'role') return super.attributeChangedCallback(name, old, value);
    // Deprecated: `role` is the host's ARIA role and stays the page's. It is read as the job title
    // for one more version only, when `job-title` is not set (see roleAsJobTitle).
    this.requestUpdate();
  }

  /** The deprecated `role` attribute as job title, with one warning per element. */
  private roleAsJobTitle(): string | undefined {
    const role = this.getAttribute('role');
    if (!role) return undefined;
    if (!this.roleWarned) {
      this.roleWarned = true;
      console.warn('<nk-contact-card>: the role attribute as job title is deprecated and will be ignored in the next version; use job-title instead.');
    }
    return role;
  }

  protected override needsPack(): boolean {
    return !!this.contact;
  }

  protected override packChanged(): void {
    this.status = !this.contact || this.data?.contacts?.some((c) => c.id === this.contact) ? 'ready' : 'not-found';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    this.selectAgain(changed, 'contact');
    const own = {
      name: this.name,
      role: this.jobTitle || this.roleAsJobTitle(),
      organisation: this.organisation,
      email: this.email,
      phone: this.phone,
      url: this.url,
      photo: this.photo,
      topics: list(this.topics),
      languages: list(this.languages),
    };
    const person: Partial<Contact> = { ...(this.contact && this.data?.contacts?.find((c) => c.id === this.contact)) };
    for (const [key, value] of Object.entries(own)) if (value) Object.assign(person, { [key]: value });
    this.person = person.name ? (person as Person) : undefined;
  }

  protected override render() {
    const locale = this.locale;
    const p = this.person;
    if (this.status === 'loading') return this.renderLoading();
    const problem =
      this.status === 'not-found' ? html`<p role="alert" part="error">${t(locale, 'contactNotFound', this.contact ?? '')}</p>` : this.renderProblem();
    if (!p) return this.status === 'ready' ? html`<p part="empty" class="muted">${t(locale, 'empty')}</p>` : problem;
    const ok = checked(p);
    return html`${problem}
      <article part="base card" class="card">
        <div class="top">
          ${this.renderAvatar(p, ok)}
          <div class="who">
            ${this.renderHeading(p.name)} ${p.role ? html`<p part="role">${p.role}</p>` : nothing}
            ${p.organisation ? html`<p part="organisation" class="muted">${p.organisation}</p>` : nothing}
            ${p.example ? html`<p part="badge" class="badge">${t(locale, 'example')}</p>` : nothing}
          </div>
        </div>
        ${this.renderDetails(p, locale)} ${this.renderLinks(p, ok, locale)} ${this.renderActions(ok, locale)}
      </article>`;
  }

  /** The photo, or the initials when there is none or it does not load. */
  private renderAvatar(p: Person, ok: Checked) {
    if (ok.photo && ok.photo !== this.broken) {
      return html`<img part="photo" class="avatar" src=${ok.photo} alt="" @error=${() => (this.broken = ok.photo)} />`;
    }
    const words = p.name.trim().split(/\s+/);
    const initials = [words[0], words.length > 1 ? words.at(-1) : ''].map((w) => [...w!][0] ?? '').join('');
    return html`<span part="avatar" class="avatar" aria-hidden="true">${initials.toUpperCase()}</span>`;
  }

  /** Topics and languages as a description list; nothing when the contact has neither. */
  private renderDetails(p: Person, locale: Locale) {
    if (!p.topics?.length && !p.languages?.length) return nothing;
    const topics = p.topics?.length
      ? html`<div>
          <dt>${t(locale, 'topics')}</dt>
          <dd><ul class="tags">${p.topics.map((topic) => html`<li part="tag">${topic}</li>`)}</ul></dd>
        </div>`
      : nothing;
    const languages = p.languages?.length
      ? html`<div>
          <dt>${t(locale, 'languages')}</dt>
          <dd>${p.languages.map((code) => languageName(code, locale)).join(', ')}</dd>
        </div>`
      : nothing;
    return html`<dl part="details" class="details">${topics} ${languages}</dl>`;
  }

  /** Phone, e-mail and website; a number or address that fails the rules shows as text, not as a link. */
  private renderLinks(p: Person, ok: Checked, locale: Locale) {
    const hidden = (key: 'call' | 'mail') => html`<span class="visually-hidden">${t(locale, key)}: </span>`;
    const phone = ok.tel ? html`<a part="call" href=${`tel:${ok.tel}`}>${hidden('call')}${ltr(p.phone!)}</a>` : ltr(p.phone ?? '');
    const email = ok.email ? html`<a part="mail" href=${`mailto:${ok.email}`}>${hidden('mail')}${ltr(ok.email)}</a>` : ltr(p.email ?? '');
    return html`<ul part="links" class="links">
      ${p.phone ? html`<li>${icon(ICONS.phone)}${phone}</li>` : nothing} ${p.email ? html`<li>${icon(ICONS.mail)}${email}</li>` : nothing}
      ${ok.url ? html`<li>${icon(ICONS.link)}<a part="website" href=${ok.url}>${t(locale, 'website')}</a></li>` : nothing}
    </ul>`;
  }

  private renderActions(ok: Checked, locale: Locale) {
    return html`<div part="actions" class="actions">
      <button type="button" part="button save" class="primary" @click=${this.save}>${icon(ICONS.save)}${t(locale, 'saveContact')}</button>
      ${
        ok.email
          ? html`<button type="button" part="button copy" @click=${() => this.copier.copy(ok.email!)}>${icon(ICONS.copy)}${t(locale, 'copyEmail')}</button>`
          : nothing
      }
      <span part="status" class="status" role="status">${this.live.text}</span>
    </div>`;
  }

  protected override updated(): void {
    const p = this.status === 'loading' ? undefined : this.person;
    try {
      if (!p) return this.ld?.remove();
      const ok = checked(p);
      const person = {
        '@context': 'https://schema.org',
        '@type': 'Person',
        name: p.name,
        jobTitle: p.role,
        worksFor: p.organisation && { '@type': 'Organization', name: p.organisation },
        email: ok.email,
        telephone: ok.tel && p.phone,
        url: ok.url,
        image: ok.photo,
        knowsAbout: p.topics,
        knowsLanguage: p.languages,
      };
      // "<" as \u003c: pack text can then never close the script element or open a comment in it,
      // also not when a CMS serialises the page (innerHTML does not escape script text).
      const json = JSON.stringify(person).replace(/</g, '\\u003c');
      this.ld ??= Object.assign(document.createElement('script'), { type: 'application/ld+json' });
      if (this.ld.textContent !== json) this.ld.textContent = json;
      if (this.ld.parentNode !== this) this.append(this.ld);
    } catch {
      // Pages enforcing Trusted Types refuse script text; the card works without the JSON-LD.
    }
  }

  private async save(): Promise<void> {
    const p = this.person;
    if (!p) return;
    await this.copier.download(
      async () => {
        const { toVCard, vCardFileName } = await import('../internal/vcard.js');
        const ok = checked(p);
        const vcard = toVCard({ ...p, email: ok.email, phone: ok.tel, url: ok.url, photo: ok.photo });
        const fileName = vCardFileName(p.name);
        return emit(this, 'nk-contact-save', { vcard, fileName }, true) ? { name: fileName, type: 'text/vcard;charset=utf-8', text: vcard } : undefined;
      },
      t(this.locale, 'vcardSaved'),
    );
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'nk-contact-save': CustomEvent<ContactSaveDetail>;
  }
}

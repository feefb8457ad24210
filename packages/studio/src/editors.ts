import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  TEMPLATE_KINDS,
  type Audience,
  type Checklist,
  type ChecklistItem,
  type Contact,
  type Context,
  type Link,
  type Pack,
  type Source,
  type Tag,
  type Template,
  type Tip,
} from '@netwerkkracht/core';
import { choiceField, entryOptions, field, listField, paragraphsField, selectField, setOptional, strings, text, type FieldHost } from './fields.js';
import { fieldId, isReferenced, renameReferences, slugify, uniqueId, type ListName } from './model.js';
import type { StringKey } from './strings.js';

/** The lists that show one entry at a time, each in a view of its own. */
export type OneAtATime = 'tips' | 'contacts' | 'checklists' | 'templates' | 'contexts';

/** What the editors need from the studio element. */
export interface EditorHost extends FieldHost {
  pack: Pack;
  t(key: StringKey, ...values: (string | number)[]): string;
  /** Index of the entry shown in each list that shows one entry at a time. */
  selected: Record<OneAtATime, number>;
  select(list: OneAtATime, index: number): void;
  /** Entries whose id still follows their title (new, never referenced, id never typed). */
  autoIds: WeakSet<object>;
  /** Moves focus to the element with `id` once the next render is done. */
  focusLater(id: string): void;
  announce(message: string): void;
}

type Entry = { id: string };

/** The id field: typing an id fixes it; references to the old id follow. */
function idField(host: EditorHost, path: string, list: ListName | undefined, entry: Entry) {
  return field(
    host,
    `${path}.id`,
    host.t('id'),
    text(entry.id),
    (value) => {
      host.autoIds.delete(entry);
      if (list) renameReferences(host.pack, list, entry.id, value);
      entry.id = value;
    },
    { hint: host.t('idHint') },
  );
}

/** The required title of an entry of `list`, which its id follows until fixed, and the id field. */
function titleAndId(host: EditorHost, path: string, list: ListName, siblings: (Entry & { title: string })[], entry: Entry & { title: string }) {
  return html`${field(
    host,
    `${path}.title`,
    host.t('title'),
    text(entry.title),
    (value) => {
      entry.title = value;
      suggest(host, list, siblings, entry, value);
    },
    { required: true },
  )}
    ${idField(host, path, list, entry)}`;
}

/** Sets the text an id is suggested from, and the id too while it follows that text. */
function suggest(host: EditorHost, list: ListName | undefined, siblings: Entry[], entry: Entry, source: string): void {
  if (!host.autoIds.has(entry)) return;
  if (list && isReferenced(host.pack, list, entry.id)) {
    host.autoIds.delete(entry);
    return;
  }
  const next = uniqueId(slugify(source), siblings, entry);
  entry.id = next;
}

/** Adds `entry` to `list` with an id suggested from `word`, and returns its index. */
function add<T extends Entry>(host: EditorHost, list: T[], entry: T): number {
  entry.id = uniqueId(entry.id, list);
  list.push(entry);
  host.autoIds.add(entry);
  return list.length - 1;
}

/** Adds `entry` to a one-at-a-time list, shows it, and puts focus in its `first` field. */
function addShown<T extends Entry>(host: EditorHost, name: OneAtATime, list: T[], entry: T, first: string): void {
  let i = 0;
  host.edit(() => (i = add(host, list, entry)));
  host.select(name, i);
  host.focusLater(fieldId(`${name}[${i}].${first}`));
}

function removeButton(label: string, onClick: () => void) {
  return html`<button type="button" class="button-quiet" @click=${onClick}>${label}</button>`;
}

/** A list that shows one entry at a time: the entries as buttons, then the chosen one's editor. */
function masterDetail<T>(
  host: EditorHost,
  name: OneAtATime,
  list: T[],
  labelOf: (entry: T) => string,
  addLabel: string,
  onAdd: () => void,
  editor: (entry: T, index: number) => TemplateResult,
) {
  const chosen = Math.min(host.selected[name], list.length - 1);
  return html`<div class="master-detail">
    <div class="master">
      ${
        list.length
          ? html`<ul class="entries" aria-label=${host.t(`v${name[0]!.toUpperCase()}${name.slice(1)}` as StringKey)}>
            ${repeat(
              list,
              (entry) => entry,
              (entry, i) => html`<li>
              <button type="button" class="entry" id="entry-${name}-${i}" aria-current=${i === chosen ? 'true' : nothing}
                @click=${() => host.select(name, i)}>${labelOf(entry) || host.t('untitled')}</button></li>`,
            )}
          </ul>`
          : html`<p>${host.t('none')}</p>`
      }
      <button type="button" class="button" id="add-${name}" @click=${onAdd}>${addLabel}</button>
    </div>
    <div class="detail">${chosen >= 0 ? editor(list[chosen]!, chosen) : nothing}</div>
  </div>`;
}

/** Removes entry `index` of a one-at-a-time list and puts focus where the user can go on. */
function removeEntry(host: EditorHost, name: OneAtATime, list: unknown[], index: number): void {
  host.edit(() => list.splice(index, 1));
  host.select(name, Math.max(0, index - 1));
  host.focusLater(list.length ? `entry-${name}-${Math.max(0, index - 1)}` : `add-${name}`);
}

export function packEditor(host: EditorHost) {
  const pack = host.pack;
  const sources = (pack.sources ??= []);
  return html`<section aria-labelledby="pack-heading">
      <h2 id="pack-heading">${host.t('vPack')}</h2>
      ${field(
        host,
        'title',
        host.t('title'),
        text(pack.title),
        (value) => {
          pack.title = value;
          if (host.autoIds.has(pack)) pack.id = slugify(value);
        },
        { required: true },
      )}
      ${field(
        host,
        'id',
        host.t('id'),
        text(pack.id),
        (value) => {
          host.autoIds.delete(pack);
          pack.id = value;
        },
        { hint: host.t('idHint') },
      )}
      ${selectField(host, 'locale', host.t('packLocale'), text(pack.locale), [['nl', 'Nederlands (nl)'], ['en', 'English (en)'], ...(['nl', 'en'].includes(pack.locale) ? [] : [[pack.locale, pack.locale] as [string, string]])], (value) => (pack.locale = value))}
      ${field(host, 'description', host.t('description'), text(pack.description), (value) => setOptional(pack, 'description', value), { multiline: true })}
      ${field(host, 'version', host.t('version'), text(pack.version), (value) => setOptional(pack, 'version', value))}
    </section>
    <section aria-labelledby="sources-heading">
      <h2 id="sources-heading">${host.t('sources')}</h2>
      ${sources.map((source, i) => sourceEditor(host, source, i))}
      <button type="button" class="button" id="add-sources" @click=${() =>
        host.edit(() => {
          const i = add(host, sources, { id: 'bron', organisation: '' } as Source);
          host.focusLater(fieldId(`sources[${i}].organisation`));
        })}>${host.t('addSource')}</button>
    </section>
    ${labelsSection(host, 'tags', 'onderwerp', { heading: 'tags', label: 'tagLabel', add: 'addTag', remove: 'removeTag' })}
    ${labelsSection(host, 'audiences', 'doelgroep', { heading: 'audiences', intro: 'audiencesIntro', label: 'audienceLabel', add: 'addAudience', remove: 'removeAudience' })}`;
}

function sourceEditor(host: EditorHost, source: Source, i: number) {
  const path = `sources[${i}]`;
  const sources = host.pack.sources!;
  return html`<fieldset class="entry-box">
    <legend>${text(source.organisation) || host.t('untitled')}</legend>
    ${field(host, `${path}.organisation`, host.t('organisation'), text(source.organisation), (value) => {
      source.organisation = value;
      suggest(host, 'sources', sources, source, value);
    })}
    ${idField(host, path, 'sources', source)}
    ${field(host, `${path}.title`, host.t('description'), text(source.title), (value) => setOptional(source, 'title', value))}
    ${field(host, `${path}.url`, host.t('url'), text(source.url), (value) => setOptional(source, 'url', value), { type: 'url' })}
    ${removeButton(host.t('removeSource', text(source.organisation) || i + 1), () => {
      host.edit(() => sources.splice(i, 1));
      host.focusLater('add-sources');
    })}
  </fieldset>`;
}

/**
 * A list of `{ id, label }` entries (topics, audiences), each in a box of its own. The list is
 * left out of the pack while it is empty: without a `tags` list, a pack's tips may use any topic.
 */
function labelsSection(
  host: EditorHost,
  name: 'tags' | 'audiences',
  word: string,
  keys: { heading: StringKey; intro?: StringKey; label: StringKey; add: StringKey; remove: StringKey },
) {
  const pack = host.pack;
  const list: (Tag | Audience)[] = pack[name] ?? [];
  const entryEditor = (entry: Tag | Audience, i: number) => {
    const path = `${name}[${i}]`;
    return html`<fieldset class="entry-box">
      <legend>${text(entry.label) || host.t('untitled')}</legend>
      ${field(host, `${path}.label`, host.t(keys.label), text(entry.label), (value) => {
        entry.label = value;
        suggest(host, name, list, entry, value);
      })}
      ${idField(host, path, name, entry)}
      ${removeButton(host.t(keys.remove, text(entry.label) || i + 1), () => {
        host.edit(() => {
          list.splice(i, 1);
          if (!list.length) delete pack[name];
        });
        host.focusLater(`add-${name}`);
      })}
    </fieldset>`;
  };
  return html`<section aria-labelledby="${name}-heading">
    <h2 id="${name}-heading">${host.t(keys.heading)}</h2>
    ${keys.intro ? html`<p>${host.t(keys.intro)}</p>` : nothing}
    ${list.map(entryEditor)}
    <button type="button" class="button" id="add-${name}" @click=${() =>
      host.edit(() => {
        const i = add(host, (pack[name] ??= list), { id: word, label: '' });
        host.focusLater(fieldId(`${name}[${i}].label`));
      })}>${host.t(keys.add)}</button>
  </section>`;
}

/** The tag field of a tip or context, with the pack's known tags as a hint. */
function tagsField(host: EditorHost, path: string, list: string[], set: (list: string[]) => void) {
  const known = (host.pack.tags ?? []).map((tag) => tag.id).join(', ');
  return listField(host, path, host.t('tagsField'), list, set, known ? { hint: host.t('tagsKnown', known) } : {});
}

export function tipsEditor(host: EditorHost) {
  const tips = host.pack.tips;
  return html`<section aria-labelledby="tips-heading">
    <h2 id="tips-heading">${host.t('tips')}</h2>
    ${masterDetail(
      host,
      'tips',
      tips,
      (tip) => text(tip.title),
      host.t('addTip'),
      () => addShown(host, 'tips', tips, { id: 'tip', title: '', body: [] } as Tip, 'title'),
      (tip, i) => tipEditor(host, tip, i),
    )}
  </section>`;
}

/** The source select of a tip or template: the pack's sources by organisation. */
function sourceField(host: EditorHost, path: string, entry: Tip | Template) {
  const options = entryOptions(host.pack.sources ?? [], (s) => `${s.organisation} (${s.id})`, host.t('noSource'), text(entry.source));
  return selectField(host, `${path}.source`, host.t('source'), text(entry.source), options, (value) => setOptional(entry, 'source', value));
}

function tipEditor(host: EditorHost, tip: Tip, i: number) {
  const path = `tips[${i}]`;
  const tips = host.pack.tips;
  const links: Link[] = Array.isArray(tip.links) ? tip.links : [];
  return html`<fieldset class="entry-box">
    <legend>${host.t('tip')}: ${text(tip.title) || host.t('untitled')}</legend>
    ${titleAndId(host, path, 'tips', tips, tip)}
    ${paragraphsField(host, `${path}.body`, host.t('paragraphs'), strings(tip.body), (list) => (tip.body = list))}
    ${tagsField(host, `${path}.tags`, strings(tip.tags), (list) => setOptional(tip, 'tags', list))}
    ${sourceField(host, path, tip)}
    ${choiceField(
      host,
      `${path}.audiences`,
      host.t('tipAudiences'),
      (host.pack.audiences ?? []).map((a) => [a.id, text(a.label) || a.id]),
      strings(tip.audiences),
      (list) => setOptional(tip, 'audiences', list),
      host.t('noAudiences'),
    )}
    ${choiceField(
      host,
      `${path}.templates`,
      host.t('tipTemplates'),
      (host.pack.templates ?? []).map((t) => [t.id, text(t.title) || t.id]),
      strings(tip.templates),
      (list) => setOptional(tip, 'templates', list),
      host.t('noTemplates'),
    )}
    <fieldset class="sub">
      <legend>${host.t('links')}</legend>
      ${links.map(
        (link, l) => html`<div class="row">
        ${field(host, `${path}.links[${l}].label`, host.t('linkLabel', l + 1), text(link.label), (value) => (link.label = value))}
        ${field(host, `${path}.links[${l}].url`, host.t('linkUrl', l + 1), text(link.url), (value) => (link.url = value), { type: 'url' })}
        ${removeButton(host.t('removeLink', l + 1), () => {
          host.edit(() => {
            links.splice(l, 1);
            if (!links.length) delete tip.links;
          });
          host.focusLater(`${fieldId(path)}-add-link`);
        })}
      </div>`,
      )}
      <button type="button" class="button-quiet" id="${fieldId(path)}-add-link" @click=${() =>
        host.edit(() => {
          tip.links = [...links, { label: '', url: 'https://' }];
          host.focusLater(fieldId(`${path}.links[${tip.links.length - 1}].label`));
        })}>${host.t('addLink')}</button>
    </fieldset>
    ${removeButton(host.t('removeTip'), () => removeEntry(host, 'tips', tips, i))}
  </fieldset>`;
}

export function contactsEditor(host: EditorHost) {
  const contacts = (host.pack.contacts ??= []);
  return html`<section aria-labelledby="contacts-heading">
    <h2 id="contacts-heading">${host.t('contacts')}</h2>
    ${masterDetail(
      host,
      'contacts',
      contacts,
      (c) => text(c.name),
      host.t('addContact'),
      () => addShown(host, 'contacts', contacts, { id: 'contact', name: '' } as Contact, 'name'),
      (contact, i) => contactEditor(host, contact, i),
    )}
  </section>`;
}

function contactEditor(host: EditorHost, contact: Contact, i: number) {
  const path = `contacts[${i}]`;
  const contacts = host.pack.contacts!;
  const optional = (key: 'role' | 'organisation' | 'email' | 'phone' | 'url', label: StringKey, type?: 'email' | 'tel' | 'url') =>
    field(host, `${path}.${key}`, host.t(label), text(contact[key]), (value) => setOptional(contact, key, value), type ? { type } : {});
  return html`<fieldset class="entry-box">
    <legend>${text(contact.name) || host.t('untitled')}</legend>
    ${field(
      host,
      `${path}.name`,
      host.t('name'),
      text(contact.name),
      (value) => {
        contact.name = value;
        suggest(host, 'contacts', contacts, contact, value);
      },
      { required: true },
    )}
    ${idField(host, path, 'contacts', contact)}
    ${optional('role', 'role')} ${optional('organisation', 'contactOrganisation')} ${optional('email', 'email', 'email')}
    ${optional('phone', 'phone', 'tel')} ${optional('url', 'website', 'url')}
    ${listField(host, `${path}.topics`, host.t('topics'), strings(contact.topics), (list) => setOptional(contact, 'topics', list))}
    ${listField(host, `${path}.languages`, host.t('languages'), strings(contact.languages), (list) => setOptional(contact, 'languages', list))}
    ${removeButton(host.t('removeContact'), () => removeEntry(host, 'contacts', contacts, i))}
  </fieldset>`;
}

export function checklistsEditor(host: EditorHost) {
  const checklists = (host.pack.checklists ??= []);
  return html`<section aria-labelledby="checklists-heading">
    <h2 id="checklists-heading">${host.t('checklists')}</h2>
    ${masterDetail(
      host,
      'checklists',
      checklists,
      (c) => text(c.title),
      host.t('addChecklist'),
      () => addShown(host, 'checklists', checklists, { id: 'checklist', title: '', items: [] } as Checklist, 'title'),
      (checklist, i) => checklistEditor(host, checklist, i),
    )}
  </section>`;
}

/** Moves item `from` by `delta` places; focus stays on the same button of the moved item. */
function moveItem(host: EditorHost, checklist: Checklist, path: string, from: number, delta: number, button: 'up' | 'down'): void {
  const to = from + delta;
  if (to < 0 || to >= checklist.items.length) return;
  host.edit(() => {
    const [item] = checklist.items.splice(from, 1);
    checklist.items.splice(to, 0, item!);
  });
  host.focusLater(`${fieldId(`${path}.items[${to}]`)}-${button}`);
  host.announce(host.t('moved', to + 1));
}

function checklistEditor(host: EditorHost, checklist: Checklist, c: number) {
  const path = `checklists[${c}]`;
  const checklists = host.pack.checklists!;
  if (!Array.isArray(checklist.items)) checklist.items = [];
  const items = checklist.items;
  const item = (entry: ChecklistItem, n: number) => {
    const itemPath = `${path}.items[${n}]`;
    const base = fieldId(itemPath);
    const tipOptions = entryOptions(host.pack.tips, (tip) => text(tip.title) || tip.id, host.t('noTip'), text(entry.tip));
    const templateOptions = entryOptions(host.pack.templates ?? [], (t) => text(t.title) || t.id, host.t('noTemplate'), text(entry.template));
    return html`<li class="item">
      ${field(host, `${itemPath}.text`, host.t('itemText', n + 1), text(entry.text), (value) => {
        entry.text = value;
        suggest(host, undefined, items, entry, value);
      })}
      ${field(host, `${itemPath}.id`, host.t('id'), text(entry.id), (value) => {
        host.autoIds.delete(entry);
        entry.id = value;
      })}
      ${selectField(host, `${itemPath}.tip`, host.t('itemTip', n + 1), text(entry.tip), tipOptions, (value) => setOptional(entry, 'tip', value))}
      ${selectField(host, `${itemPath}.template`, host.t('itemTemplate', n + 1), text(entry.template), templateOptions, (value) => setOptional(entry, 'template', value))}
      <div class="buttons">
        <button type="button" class="button-quiet" id="${base}-up" aria-disabled=${n === 0 ? 'true' : 'false'}
          @click=${() => moveItem(host, checklist, path, n, -1, 'up')}>${host.t('moveUp', n + 1)}</button>
        <button type="button" class="button-quiet" id="${base}-down" aria-disabled=${n === items.length - 1 ? 'true' : 'false'}
          @click=${() => moveItem(host, checklist, path, n, 1, 'down')}>${host.t('moveDown', n + 1)}</button>
        ${removeButton(host.t('removeItem', n + 1), () => {
          host.edit(() => items.splice(n, 1));
          host.focusLater(`${fieldId(path)}-add-item`);
        })}
      </div>
    </li>`;
  };
  return html`<fieldset class="entry-box">
    <legend>${text(checklist.title) || host.t('untitled')}</legend>
    ${titleAndId(host, path, 'checklists', checklists, checklist)}
    ${field(host, `${path}.description`, host.t('description'), text(checklist.description), (value) => setOptional(checklist, 'description', value), { multiline: true })}
    <fieldset class="sub">
      <legend>${host.t('items')}</legend>
      <ol class="items">${repeat(items, (entry) => entry, item)}</ol>
      <button type="button" class="button-quiet" id="${fieldId(path)}-add-item" @click=${() =>
        host.edit(() => {
          const n = add(host, items, { id: 'stap', text: '' } as ChecklistItem);
          host.focusLater(fieldId(`${path}.items[${n}].text`));
        })}>${host.t('addItem')}</button>
    </fieldset>
    ${removeButton(host.t('removeChecklist'), () => removeEntry(host, 'checklists', checklists, c))}
  </fieldset>`;
}

export function templatesEditor(host: EditorHost) {
  const templates = (host.pack.templates ??= []);
  return html`<section aria-labelledby="templates-heading">
    <h2 id="templates-heading">${host.t('templates')}</h2>
    <p>${host.t('templatesIntro')}</p>
    ${masterDetail(
      host,
      'templates',
      templates,
      (t) => text(t.title),
      host.t('addTemplate'),
      () => addShown(host, 'templates', templates, { id: 'sjabloon', title: '', kind: 'agenda', text: '' } as Template, 'title'),
      (template, i) => templateEditor(host, template, i),
    )}
  </section>`;
}

/** Kinds that can open as a new e-mail, and so have a subject. */
const MAIL_KINDS: readonly string[] = ['invitation', 'follow-up', 'email'];
const KIND_LABELS: Record<(typeof TEMPLATE_KINDS)[number], StringKey> = {
  agenda: 'kindAgenda',
  invitation: 'kindInvitation',
  'follow-up': 'kindFollowUp',
  email: 'kindEmail',
};

function templateEditor(host: EditorHost, template: Template, i: number) {
  const path = `templates[${i}]`;
  const templates = host.pack.templates!;
  const kind = text(template.kind);
  const kinds: [string, string][] = TEMPLATE_KINDS.map((k) => [k, host.t(KIND_LABELS[k])]);
  if (!kinds.some(([k]) => k === kind)) kinds.unshift([kind, kind || host.t('untitled')]);
  return html`<fieldset class="entry-box">
    <legend>${host.t('template')}: ${text(template.title) || host.t('untitled')}</legend>
    ${titleAndId(host, path, 'templates', templates, template)}
    ${selectField(host, `${path}.kind`, host.t('templateKind'), kind, kinds, (value) => (template.kind = value as Template['kind']))}
    ${
      MAIL_KINDS.includes(kind) || template.subject !== undefined
        ? field(host, `${path}.subject`, host.t('subject'), text(template.subject), (value) => setOptional(template, 'subject', value), {
            hint: host.t('subjectHint'),
          })
        : nothing
    }
    ${field(host, `${path}.text`, host.t('templateText'), text(template.text), (value) => (template.text = value), { multiline: true, required: true, hint: host.t('templateTextHint') })}
    ${sourceField(host, path, template)}
    ${removeButton(host.t('removeTemplate'), () => removeEntry(host, 'templates', templates, i))}
  </fieldset>`;
}

export function contextsEditor(host: EditorHost) {
  const contexts = (host.pack.contexts ??= []);
  return html`<section aria-labelledby="contexts-heading">
    <h2 id="contexts-heading">${host.t('contexts')}</h2>
    <p>${host.t('contextsIntro')}</p>
    ${masterDetail(
      host,
      'contexts',
      contexts,
      (c) => text(c.label) || c.id,
      host.t('addContext'),
      () => addShown(host, 'contexts', contexts, { id: 'context', hosts: [], tags: [] } as Context, 'label'),
      (context, i) => contextEditor(host, context, i),
    )}
  </section>`;
}

function contextEditor(host: EditorHost, context: Context, i: number) {
  const path = `contexts[${i}]`;
  const contexts = host.pack.contexts!;
  return html`<fieldset class="entry-box">
    <legend>${text(context.label) || context.id}</legend>
    ${field(host, `${path}.label`, host.t('label'), text(context.label), (value) => {
      setOptional(context, 'label', value);
      suggest(host, 'contexts', contexts, context, value);
    })}
    ${idField(host, path, 'contexts', context)}
    ${listField(host, `${path}.hosts`, host.t('hosts'), strings(context.hosts), (list) => (context.hosts = list), { lines: true })}
    ${listField(host, `${path}.paths`, host.t('paths'), strings(context.paths), (list) => setOptional(context, 'paths', list), { lines: true })}
    ${tagsField(host, `${path}.tags`, strings(context.tags), (list) => (context.tags = list))}
    ${removeButton(host.t('removeContext'), () => removeEntry(host, 'contexts', contexts, i))}
  </fieldset>`;
}

// Writes embed snippets, for the embed builder and `netwerkkracht snippet`. A pre-rendered tip
// card carries its tip in the page itself (title, paragraphs, links, source): readable before
// and without JavaScript, and the card upgrades it in place. A pre-rendered checklist, deck or
// contact card carries its content as plain text, which the interactive element replaces. The stylesheet link gives the
// elements their room and look before the script runs, so that nothing moves when it does.
import { dialNumber, isEmailAddress, isSafeUrl } from '@netwerkkracht/core';

/** Text for HTML: as text, never as markup. */
export function escapeHtml(text) {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * JSON for a `<script type="application/json">` block: every `<` written as `\u003c`, so that no
 * text in it can end the block or open a comment there; JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value, indent) {
  return JSON.stringify(value, null, indent).replace(/</g, '\\u003c');
}

/**
 * The block that carries `pack` in the page, for elements with `pack="#id"`. With `indent` the
 * JSON is laid out on lines of its own, for people who read the snippet.
 */
export function inlinePackBlock(pack, id, { indent } = {}) {
  const json = scriptSafeJson(pack, indent);
  return `<script type="application/json" id="${escapeHtml(id)}">${indent ? `\n${json}\n` : json}</script>`;
}

/**
 * The stylesheet and script lines of a snippet; `base` is the folder with netwerkkracht.js. With
 * `css` (the text of netwerkkracht.css) the styles go inline: no request to wait for before the
 * page shows, but a Content-Security-Policy without 'unsafe-inline' for styles refuses them (the
 * tip stays readable; the card then takes its shape when the script runs).
 */
export function snippetHead(base, { classic = false, css } = {}) {
  const script = classic
    ? `<script src="${escapeHtml(base)}netwerkkracht.classic.js" defer></script>`
    : `<script type="module" src="${escapeHtml(base)}netwerkkracht.js"></script>`;
  // A stylesheet holds no "<": nothing in it can end the style element early.
  const styles = css
    ? `<style>${String(css)
        .replace(/\/\*[^]*?\*\//g, '')
        .replace(/\s+/g, ' ')
        .replace(/</g, '')
        .trim()}</style>`
    : `<link rel="stylesheet" href="${escapeHtml(base)}netwerkkracht.css">`;
  return `${styles}\n${script}`;
}

/**
 * The level of the heading for `heading-level` in `attributes`, as the elements read it (NkElement's
 * headingAriaLevel): rounded, 1–6, and 3 when it is unset, 0 or no number.
 */
function headingLevelOf(attributes) {
  return Math.min(6, Math.max(1, Math.round(Number(attributes['heading-level'])) || 3));
}

/**
 * `<nk-tip-card tip="…">` with tip `tipId` of `pack` in its light DOM. `attributes` are added to
 * the element as they are (lang, theme, heading-level …). Throws when the pack has no such tip.
 */
export function prerenderedTipCard(pack, tipId, attributes = {}) {
  const tip = pack.tips?.find((entry) => entry.id === tipId);
  if (!tip) throw new Error(`the pack has no tip "${tipId}"`);
  const level = headingLevelOf(attributes);
  const lines = [`  <h${level} slot="title">${escapeHtml(tip.title)}</h${level}>`];
  for (const paragraph of tip.body ?? []) lines.push(`  <p>${escapeHtml(paragraph)}</p>`);
  const links = (tip.links ?? []).filter((link) => isSafeUrl(link.url));
  if (links.length) {
    lines.push(`  <ul>${links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`).join('')}</ul>`);
  }
  const source = pack.sources?.find((entry) => entry.id === tip.source);
  if (source) {
    const name = escapeHtml(source.organisation);
    lines.push(`  <span slot="source">${source.url && isSafeUrl(source.url) ? `<a href="${escapeHtml(source.url)}">${name}</a>` : name}</span>`);
  }
  const attrs = Object.entries({ tip: tip.id, ...attributes })
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  return `<nk-tip-card${attrs}>\n${lines.join('\n')}\n</nk-tip-card>`;
}

/**
 * `<nk-network-checklist checklist="…">` with the checklist's title and items in its light DOM as a
 * plain list: readable before and without JavaScript; the interactive checklist takes over once
 * its pack is in. Throws when the pack has no such checklist.
 */
export function prerenderedChecklist(pack, checklistId, attributes = {}) {
  const list = pack.checklists?.find((entry) => entry.id === checklistId);
  if (!list) throw new Error(`the pack has no checklist "${checklistId}"`);
  const level = headingLevelOf(attributes);
  const attrs = Object.entries({ checklist: list.id, ...attributes })
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const items = list.items.map((item) => `    <li>${escapeHtml(item.text)}</li>`).join('\n');
  return `<nk-network-checklist${attrs}>\n  <h${level}>${escapeHtml(list.title)}</h${level}>\n  <ol>\n${items}\n  </ol>\n</nk-network-checklist>`;
}

/** ` name="value"` for each attribute that has a value, escaped. */
function attributeText(attributes) {
  return Object.entries(attributes)
    .filter(([, value]) => value !== undefined && value !== '')
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
}

/** A tip's title, paragraphs, links and source as plain elements, for the deck's light DOM. */
function plainTip(pack, tip, level) {
  const lines = [`  <h${level}>${escapeHtml(tip.title)}</h${level}>`];
  for (const paragraph of tip.body ?? []) lines.push(`  <p>${escapeHtml(paragraph)}</p>`);
  const links = (tip.links ?? []).filter((link) => isSafeUrl(link.url));
  if (links.length) lines.push(`  <ul>${links.map((link) => `<li><a href="${escapeHtml(link.url)}">${escapeHtml(link.label)}</a></li>`).join('')}</ul>`);
  const source = pack.sources?.find((entry) => entry.id === tip.source);
  if (source) {
    const name = escapeHtml(source.organisation);
    lines.push(
      `  <p>${pack.locale === 'en' ? 'Source' : 'Bron'}: ${source.url && isSafeUrl(source.url) ? `<a href="${escapeHtml(source.url)}">${name}</a>` : name}</p>`,
    );
  }
  return lines;
}

/**
 * `<nk-tip-deck>` (mode `daily` unless `attributes` say otherwise) with the pack's first tip in
 * its light DOM as plain text: readable before and without JavaScript; the interactive deck, with
 * the tip of the day or its list, takes its place in the same room once the pack is in.
 */
export function prerenderedDeck(pack, attributes = {}) {
  const tip = pack.tips?.[0];
  if (!tip) throw new Error('the pack has no tips');
  const level = headingLevelOf(attributes);
  return `<nk-tip-deck${attributeText({ mode: 'daily', ...attributes })}>\n${plainTip(pack, tip, level).join('\n')}\n</nk-tip-deck>`;
}

/**
 * `<nk-contact-card contact="…">` with the contact's name, job title, organisation and e-mail,
 * phone and web links in its light DOM: readable before and without JavaScript; the card (with its
 * buttons) takes their place once the pack is in. Throws when the pack has no such contact.
 */
export function prerenderedContactCard(pack, contactId, attributes = {}) {
  const person = pack.contacts?.find((entry) => entry.id === contactId);
  if (!person) throw new Error(`the pack has no contact "${contactId}"`);
  const level = headingLevelOf(attributes);
  const lines = [`  <h${level}>${escapeHtml(person.name)}</h${level}>`];
  if (person.role) lines.push(`  <p>${escapeHtml(person.role)}</p>`);
  if (person.organisation) lines.push(`  <p>${escapeHtml(person.organisation)}</p>`);
  const links = [];
  // By core's rules, as the card links them once it upgrades: "(0)" is not dialled.
  const tel = person.phone ? dialNumber(person.phone) : undefined;
  if (tel) links.push(`<li><a href="tel:${escapeHtml(tel)}">${escapeHtml(person.phone)}</a></li>`);
  if (person.email && isEmailAddress(person.email)) links.push(`<li><a href="mailto:${escapeHtml(person.email)}">${escapeHtml(person.email)}</a></li>`);
  if (person.url && isSafeUrl(person.url) && /^https?:/i.test(person.url))
    links.push(`<li><a href="${escapeHtml(person.url)}">${escapeHtml(person.url)}</a></li>`);
  if (links.length) lines.push(`  <ul>${links.join('')}</ul>`);
  return `<nk-contact-card${attributeText({ contact: person.id, ...attributes })}>\n${lines.join('\n')}\n</nk-contact-card>`;
}

/** A pre-rendered tip card, checklist or contact card, whichever `id` names in `pack`. */
export function prerendered(pack, id, attributes = {}) {
  if (pack.tips?.some((tip) => tip.id === id)) return prerenderedTipCard(pack, id, attributes);
  if (pack.checklists?.some((list) => list.id === id)) return prerenderedChecklist(pack, id, attributes);
  if (pack.contacts?.some((person) => person.id === id)) return prerenderedContactCard(pack, id, attributes);
  throw new Error(`the pack has no tip, checklist or contact "${id}"`);
}

import { html, nothing } from 'lit';
import { html as staticHtml, literal, type StaticValue } from 'lit/static-html.js';
import { isSafeUrl, type Pack, type Tip } from '@netwerkkracht/core';
import { t, type Locale } from './i18n.js';

/** A pack's tips, topic labels and sources by id. */
export interface PackIndex {
  tips: Map<string, Tip>;
  tags: Map<string, string>;
  /** Each source's organisation, and its URL where that may be a link. */
  sources: Map<string | undefined, { organisation: string; href: string | undefined }>;
}

const indexes = new WeakMap<Pack, PackIndex>();

/**
 * The index of `pack`, built once per pack object: a page may show a card for each of its 1000 tips,
 * and searching the pack for every card costs time in the square of that. A changed pack is a new object.
 */
export function indexOf(pack: Pack): PackIndex {
  let index = indexes.get(pack);
  if (index) return index;
  index = { tips: new Map(), tags: new Map(), sources: new Map() };
  // The first of equal ids wins, as with a search from the start.
  for (const tip of pack.tips) if (!index.tips.has(tip.id)) index.tips.set(tip.id, tip);
  for (const tag of pack.tags ?? []) if (!index.tags.has(tag.id)) index.tags.set(tag.id, tag.label);
  for (const source of pack.sources ?? []) {
    if (!index.sources.has(source.id)) {
      const href = source.url && isSafeUrl(source.url) ? source.url : undefined;
      index.sources.set(source.id, { organisation: source.organisation, href });
    }
  }
  indexes.set(pack, index);
  return index;
}

/** Where a tip is shown: the attributes of its article and of its title, fixed for each place. */
export interface TipFrame {
  article: StaticValue;
  title: StaticValue;
}

/** A tip card: the tip is the card, and its title the card's heading. */
export const CARD_FRAME: TipFrame = {
  article: literal`part="base card" class="card"`,
  title: literal`part="heading" class="heading"`,
};

/** A tip in a deck's list: focusable (the deck moves focus to the first new tip), with its title below the deck's heading. */
export const DECK_FRAME: TipFrame = {
  article: literal`part="tip" class="tip" tabindex="-1"`,
  title: literal`part="tip-title" class="title"`,
};

/** What goes around and into a tip besides the tip itself. */
export interface TipView {
  frame: TipFrame;
  locale: Locale;
  /** The title's `aria-level`. */
  level: number;
  /** An id for the title, which then names the article (a deck's tips, which take focus). */
  titleId?: string;
  /** Before the article: messages about it. */
  before?: unknown;
  /** Between the links and the source: the card's templates, the deck's audiences. */
  between?: unknown;
  /** At the end of the article: the buttons. */
  after?: unknown;
}

/**
 * A tip as a tip card and a tip deck show it: its title, paragraphs, topics, links and source.
 * The frame is static markup, so a card's tip is one template with no nested one around it.
 */
export function renderTip(tip: Tip, index: PackIndex, view: TipView) {
  const { frame, locale } = view;
  const source = index.sources.get(tip.source);
  const tags = tip.tags?.length
    ? html`<ul part="tags" class="tags" aria-label=${t(locale, 'tags')}>
        ${tip.tags.map((id) => html`<li part="tag">${index.tags.get(id) ?? id}</li>`)}
      </ul>`
    : nothing;
  const links = tip.links?.length
    ? html`<ul part="links" class="links">
        ${tip.links.map((link) => html`<li>${isSafeUrl(link.url) ? html`<a href=${link.url}>${link.label}</a>` : link.label}</li>`)}
      </ul>`
    : nothing;
  // The label is one text with its colon and space: one node, not an expression and a static text.
  const label = source && `${t(locale, 'source')}: `;
  const sourceLine = !source
    ? nothing
    : source.href
      ? html`<p part="source" class="source">${label}<a href=${source.href}>${source.organisation}</a></p>`
      : html`<p part="source" class="source">${label}${source.organisation}</p>`;
  // Links, and the block between them and the source (a card's templates, a deck's audiences),
  // share one place: a card or tip that lacks one of them has a marker and a part less.
  const between = view.between ?? nothing;
  const extras = links === nothing ? between : between === nothing ? links : html`${links}${between}`;
  // The blocks follow each other with no space between: on a page of a thousand cards, every
  // text node between them is a thousand nodes in memory.
  return staticHtml`${view.before ?? nothing}<article ${frame.article} aria-labelledby=${view.titleId ?? nothing}>
    <div role="heading" aria-level=${view.level} ${frame.title} id=${view.titleId ?? nothing}>${tip.title}</div>
    <div part="body" class="body">${tip.body.map((p) => html`<p>${p}</p>`)}</div>${tags}${extras}${sourceLine}${view.after ?? nothing}</article>`;
}

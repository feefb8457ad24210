// The element classes without registering any tag: for pages that choose their own tag names,
// or that extend a class before defining it.
export * from './nk-tip-card/nk-tip-card.component.js';
export * from './nk-contact-card/nk-contact-card.component.js';
export * from './nk-network-checklist/nk-network-checklist.component.js';
export * from './nk-tip-deck/nk-tip-deck.component.js';
export { NkElement, type CopyDetail, type LoadStatus, type PackErrorDetail, type PackLoadDetail } from './internal/nk-element.js';
export type { Locale } from './internal/i18n.js';
export { setDefaultPackBase } from './internal/packs.js';

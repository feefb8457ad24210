export { setDefaultPackBase } from './internal/packs.js';
export * from './nk-tip-card/nk-tip-card.js';
export * from './nk-contact-card/nk-contact-card.js';
export * from './nk-network-checklist/nk-network-checklist.js';
export * from './nk-tip-deck/nk-tip-deck.js';

// All four elements, registered under their nk- names, and everything the classes entry exports.
export * from './classes.js';
export * from './nk-tip-card/nk-tip-card.js';
export * from './nk-contact-card/nk-contact-card.js';
export * from './nk-network-checklist/nk-network-checklist.js';
export * from './nk-tip-deck/nk-tip-deck.js';

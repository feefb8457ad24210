/** Each element's module, loaded only when a page uses the tag. */
export const elements: Record<string, () => Promise<unknown>> = {
  'nk-tip-card': () => import('./elements/nk-tip-card.js'),
  'nk-contact-card': () => import('./elements/nk-contact-card.js'),
  'nk-network-checklist': () => import('./elements/nk-network-checklist.js'),
  'nk-tip-deck': () => import('./elements/nk-tip-deck.js'),
};

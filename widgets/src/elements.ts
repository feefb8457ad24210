/** Each element's module, loaded only when a page uses the tag. */
export const elements: Record<string, () => Promise<unknown>> = {
  'nk-tip-card': () => import('../../packages/components/src/nk-tip-card/nk-tip-card.js'),
  'nk-contact-card': () => import('../../packages/components/src/nk-contact-card/nk-contact-card.js'),
  'nk-network-checklist': () => import('../../packages/components/src/nk-network-checklist/nk-network-checklist.js'),
  'nk-tip-deck': () => import('../../packages/components/src/nk-tip-deck/nk-tip-deck.js'),
};

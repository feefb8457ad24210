/** Each element's module, loaded only when a page uses the tag. */
export const elements: Record<string, () => Promise<unknown>> = {
  'nk-tip-card': () => import('./elements/nk-tip-card.js'),
  'nk-contact-card': () => import('./elements/nk-contact-card.js'),
  'nk-network-checklist': () => import('./elements/nk-network-checklist.js'),
  'nk-tip-deck': () => import('./elements/nk-tip-deck.js'),
};

/**
 * Every chunk each element needs, relative to the loader, written in by the build (the
 * `nk-chunk-map` rollup plugin replaces the JSON text), so that the loader can ask for all of them
 * at once instead of learning them one import at a time. Parsed, so that no minifier folds the
 * placeholder away; unbuilt, it is a string and the loader preloads nothing.
 */
export const chunks = JSON.parse('"__NK_CHUNK_MAP__"') as Record<string, string[]> | string;

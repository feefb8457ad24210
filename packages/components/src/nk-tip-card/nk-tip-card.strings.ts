import { translator } from '../internal/i18n.js';

/** The interface text of <nk-tip-card>, on top of the shared strings in `internal/i18n.ts`. */
export const t = translator({
  nl: {
    tipNotFound: 'De tip "{0}" staat niet in deze inhoud.',
    share: 'Delen',
    favourited: 'Favoriet',
  },
  en: {
    tipNotFound: 'The tip "{0}" is not in this content.',
    share: 'Share',
    favourited: 'Favourite',
  },
});

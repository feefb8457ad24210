import { translator } from '../internal/i18n.js';

/** The interface text of <nk-tip-deck>, on top of the shared strings in `internal/i18n.ts`. */
export const t = translator({
  nl: {
    tipOfTheDay: 'Tip van de dag',
    search: 'Zoeken in tips',
    filter: 'Filter op onderwerp',
    all: 'Alles',
    results: '{0} tips',
    noResults: 'Geen tips gevonden.',
    oneResult: '1 tip',
    more: 'Meer tips',
    showMore: 'Meer tonen ({0} van {1})',
    role: 'Jouw rol',
    allRoles: 'Alle rollen',
    roleFirst: ', de {0} voor {1} eerst',
    for: 'Voor',
  },
  en: {
    tipOfTheDay: 'Tip of the day',
    search: 'Search tips',
    filter: 'Filter by topic',
    all: 'All',
    results: '{0} tips',
    noResults: 'No tips found.',
    oneResult: '1 tip',
    more: 'More tips',
    showMore: 'Show more ({0} of {1})',
    role: 'Your role',
    allRoles: 'All roles',
    roleFirst: ', the {0} for {1} first',
    for: 'For',
  },
});

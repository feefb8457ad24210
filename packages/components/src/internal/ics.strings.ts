import { translator } from './i18n.js';

/** The text of exported agendas and calendar files, on top of the shared strings. */
export const t = translator({
  nl: {
    followUp: 'Opvolgen: {0}',
    openItems: 'Nog te doen:',
  },
  en: {
    followUp: 'Follow up: {0}',
    openItems: 'Still to do:',
  },
});

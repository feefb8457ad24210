import { translator } from '../internal/i18n.js';

/** The interface text of <nk-network-checklist>, on top of the shared strings in `internal/i18n.ts`. */
export const t = translator({
  nl: {
    reset: 'Opnieuw beginnen',
    resetConfirm: 'Alle vinkjes van deze lijst wissen?',
    resetYes: 'Ja, wissen',
    cancel: 'Annuleren',
    print: 'Afdrukken',
    copyAgenda: 'Kopiëren als agenda',
    reminder: 'Herinnering in agenda',
    reminderDate: 'Datum voor het vervolg',
    memoryOnly: 'Je voortgang wordt nu niet bewaard op dit apparaat. Als je de pagina sluit, ben je de vinkjes kwijt.',
    noChecklist: 'De checklist "{0}" staat niet in deze inhoud.',
    downloadIcs: 'Zet in je agenda (.ics)',
    downloaded: 'Het bestand staat klaar. Open het om de herinnering in je agenda te zetten.',
    pickDate: 'Kies eerst een datum.',
    resetDone: 'Alle vinkjes zijn gewist.',
  },
  en: {
    reset: 'Start again',
    resetConfirm: 'Clear all ticks of this list?',
    resetYes: 'Yes, clear',
    cancel: 'Cancel',
    print: 'Print',
    copyAgenda: 'Copy as agenda',
    reminder: 'Reminder in calendar',
    reminderDate: 'Date for the follow-up',
    memoryOnly: 'Your progress is not being saved on this device right now. If you close the page, your ticks are lost.',
    noChecklist: 'The checklist "{0}" is not in this content.',
    downloadIcs: 'Add to your calendar (.ics)',
    downloaded: 'The file is ready. Open it to put the reminder in your calendar.',
    pickDate: 'Choose a date first.',
    resetDone: 'All ticks have been cleared.',
  },
});

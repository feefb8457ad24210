import { translator } from '../internal/i18n.js';

/** The interface text of <nk-contact-card>, on top of the shared strings in `internal/i18n.ts`. */
export const t = translator({
  nl: {
    call: 'Bellen',
    mail: 'Mailen',
    copyEmail: 'E-mailadres kopiëren',
    saveContact: 'Contact opslaan',
    website: 'Website',
    languages: 'Talen',
    topics: 'Onderwerpen',
    example: 'Voorbeeldcontact',
    contactNotFound: 'Het contact "{0}" staat niet in deze inhoud.',
    vcardSaved: 'Het contact is gedownload (.vcf). Open het bestand om het in je adresboek te zetten.',
  },
  en: {
    call: 'Call',
    mail: 'E-mail',
    copyEmail: 'Copy e-mail address',
    saveContact: 'Save contact',
    website: 'Website',
    languages: 'Languages',
    topics: 'Topics',
    example: 'Example contact',
    contactNotFound: 'The contact "{0}" is not in this content.',
    vcardSaved: 'The contact has been downloaded (.vcf). Open the file to add it to your address book.',
  },
});

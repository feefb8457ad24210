import { css, html, nothing } from 'lit';
import { isEmailTemplate, templateMailto, type Template } from '@netwerkkracht/core';
import { translator, type Locale } from './i18n.js';

// Here rather than in the shared strings: only the elements that show templates carry them.
const t = translator({
  nl: {
    templates: 'Sjablonen',
    subject: 'Onderwerp',
    'copy-agenda': 'Agenda kopiëren',
    'copy-invitation': 'Uitnodiging kopiëren',
    'copy-follow-up': 'E-mail kopiëren',
    'copy-email': 'E-mail kopiëren',
    openAsEmail: 'Openen als e-mail',
  },
  en: {
    templates: 'Templates',
    subject: 'Subject',
    'copy-agenda': 'Copy agenda',
    'copy-invitation': 'Copy invitation',
    'copy-follow-up': 'Copy e-mail',
    'copy-email': 'Copy e-mail',
    openAsEmail: 'Open as e-mail',
  },
});

/**
 * The templates linked from a tip or a checklist item: each one's title opens its text, with a
 * button to copy it and, for an e-mail, a link that opens it as a new e-mail. The element passes
 * `copy`, so that copying is announced in its own live region, as its other copies are.
 */
export function renderTemplates(templates: readonly Template[], locale: Locale, copy: (template: Template) => void) {
  if (!templates.length) return nothing;
  return html`<ul part="templates" class="templates" aria-label=${t(locale, 'templates')}>
    ${templates.map((template) => {
      const action = t(locale, `copy-${template.kind}`);
      const mail = t(locale, 'openAsEmail');
      return html`<li part="template" class="template">
        <details>
          <summary part="template-title">${template.title}</summary>
          ${template.subject ? html`<p class="template-subject">${t(locale, 'subject')}: ${template.subject}</p>` : nothing}
          <pre part="template-text" class="template-text">${template.text}</pre>
        </details>
        <div class="template-actions">
          <button type="button" part="button copy-template" aria-label="${action}: ${template.title}" @click=${() => copy(template)}>
            ${action}
          </button>
          ${
            isEmailTemplate(template)
              ? html`<a part="template-mail" href=${templateMailto(template)} aria-label="${mail}: ${template.title}">${mail}</a>`
              : nothing
          }
        </div>
      </li>`;
    })}
  </ul>`;
}

export const templateStyles = css`
  .templates {
    display: flex;
    flex-direction: column;
    gap: 0.5em;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  .template {
    display: flex;
    flex-direction: column;
    gap: 0.4em;
    padding-block: 0.5em;
    padding-inline: 0.75em;
    border: 1px dashed var(--_nk-border);
    border-radius: var(--_nk-radius);
  }
  .template summary {
    cursor: pointer;
    font-weight: 600;
  }
  .template-subject {
    margin-block: 0.4em 0;
  }
  .template-text {
    margin-block: 0.4em 0;
    font: inherit;
    font-size: 0.9375em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .template-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
  }
`;

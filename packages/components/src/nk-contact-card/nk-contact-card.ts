import { define } from '../internal/define.js';
import { NkContactCard } from './nk-contact-card.component.js';

export * from './nk-contact-card.component.js';

define('nk-contact-card', NkContactCard);

declare global {
  interface HTMLElementTagNameMap {
    'nk-contact-card': NkContactCard;
  }
}

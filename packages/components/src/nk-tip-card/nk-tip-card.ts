import { define } from '../internal/define.js';
import { NkTipCard } from './nk-tip-card.component.js';

export * from './nk-tip-card.component.js';

define('nk-tip-card', NkTipCard);

declare global {
  interface HTMLElementTagNameMap {
    'nk-tip-card': NkTipCard;
  }
}

import { define } from '../internal/define.js';
import { NkTipDeck } from './nk-tip-deck.component.js';

export * from './nk-tip-deck.component.js';

define('nk-tip-deck', NkTipDeck);

declare global {
  interface HTMLElementTagNameMap {
    'nk-tip-deck': NkTipDeck;
  }
}

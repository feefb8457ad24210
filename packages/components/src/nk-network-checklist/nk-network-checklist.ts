import { define } from '../internal/define.js';
import { NkNetworkChecklist } from './nk-network-checklist.component.js';

export * from './nk-network-checklist.component.js';

define('nk-network-checklist', NkNetworkChecklist);

declare global {
  interface HTMLElementTagNameMap {
    'nk-network-checklist': NkNetworkChecklist;
  }
}

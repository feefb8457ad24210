import { itemsOn, type ItemRecord } from './items.js';
import type { Records, StoreEvent } from './types.js';

/** Subscribes to `records`' events with each record shown as what is on (`id → since`), through `view`. */
export function viewEvents<V>(records: Records<ItemRecord>, view: (on: Record<string, string>) => V) {
  return (listener: (event: StoreEvent<V>) => void) =>
    records.subscribe((event) =>
      listener(event.type === 'change' ? { ...event, value: event.value === undefined ? undefined : view(itemsOn(event.value)) } : event),
    );
}

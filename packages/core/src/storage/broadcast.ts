/** Tells the other tabs (and extension pages) of the same origin about a store's changes. */
export interface TabChannel<T> {
  post(key: string, value: T | undefined): void;
}

/** A BroadcastChannel named after the store, when `enabled` and the browser has one; `hear` gets the other tabs' changes. */
export function tabChannel<T>(name: string, enabled: boolean, hear: (key: string, value: T | undefined) => void): TabChannel<T> {
  const channel = enabled && typeof BroadcastChannel === 'function' ? new BroadcastChannel(name) : undefined;
  channel?.addEventListener('message', (event: MessageEvent) => {
    const data = event.data as { key?: unknown; value?: T } | null;
    if (typeof data?.key === 'string') hear(data.key, data.value);
  });
  return {
    post(key, value) {
      try {
        channel?.postMessage({ key, value });
      } catch {
        // A value that cannot be cloned stays local; the other tabs read it on their next load.
      }
    },
  };
}

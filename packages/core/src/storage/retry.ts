/** Saves run one at a time; one that could not reach IndexedDB is tried again by itself. */
export interface SaveQueue {
  /** Queues a save behind the ones under way; resolves when it has run. */
  now(): Promise<void>;
  /** Queues a save after a wait that doubles each time (1 s up to a minute) until {@link succeeded}. */
  later(): void;
  succeeded(): void;
}

/**
 * A queue of `save` runs. What could not be saved is tried again later and later, and when the
 * page is hidden while `pending()`: a tick must not wait for the user's next one to reach the disk.
 */
export function saveQueue(save: () => Promise<void>, pending: () => boolean): SaveQueue {
  let queue = Promise.resolve();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let delay = 1000;
  const now = () => (queue = queue.then(save));
  if (typeof document === 'object') {
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden' && pending()) void now();
    });
  }
  return {
    now,
    later() {
      if (timer !== undefined) return;
      timer = setTimeout(() => {
        timer = undefined;
        void now();
      }, delay);
      delay = Math.min(delay * 2, 60_000);
    },
    succeeded() {
      delay = 1000;
    },
  };
}

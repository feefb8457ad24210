/** A store's subscribers. */
export interface Listeners<E> {
  add(listener: (event: E) => void): () => void;
  /** Tells every listener; one that throws does not stop the others or the write that told them. */
  notify(event: E): void;
}

export function listeners<E>(): Listeners<E> {
  const all = new Set<(event: E) => void>();
  return {
    add(listener) {
      all.add(listener);
      return () => all.delete(listener);
    },
    notify(event) {
      for (const listener of all) {
        try {
          listener(event);
        } catch (error) {
          // Reported as uncaught, where the page's error handling sees it.
          setTimeout(() => {
            throw error;
          });
        }
      }
    },
  };
}

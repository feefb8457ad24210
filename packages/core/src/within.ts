/** Rejects with a TimeoutError when `promise` takes longer than `ms`; `promise` itself carries on. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new DOMException(`${what} took longer than ${ms} ms`, 'TimeoutError')), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** `promise`'s value, or undefined when it fails or has not settled within `ms`. */
export function answerWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return within(promise, ms, 'the answer').catch(() => undefined);
}

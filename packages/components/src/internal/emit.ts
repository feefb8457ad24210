/** The names of the `nk-…` events in the global event map. */
export type NkEventName = Extract<keyof GlobalEventHandlersEventMap, `nk-${string}`>;

/** The `detail` type of an `nk-…` event, read from its entry in `GlobalEventHandlersEventMap`. */
export type NkEventDetail<K extends NkEventName> = GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a bubbling, composed `nk-…` event, so it leaves every shadow root on its way up. The
 * name must be in `GlobalEventHandlersEventMap`, and the detail must be the type listed there.
 */
export function emit<K extends NkEventName>(target: EventTarget, name: K, detail: NkEventDetail<K>, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
}

/** Dispatches a bubbling, composed `nk-…` event, so it leaves every shadow root on its way up. */
export function emit<T>(target: EventTarget, name: `nk-${string}`, detail?: T, cancelable = false): boolean {
  return target.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true, cancelable, detail }));
}

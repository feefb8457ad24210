/**
 * Registers `constructor` as `tag` unless the tag is taken already: with two copies of the bundle
 * on one page (two CMS plugins each adding the script), the second copy must not throw.
 */
export function define(tag: string, constructor: CustomElementConstructor): void {
  if (typeof customElements === 'object' && customElements && !customElements.get(tag)) {
    customElements.define(tag, constructor);
  }
}

// emit(): the detail type comes from the event's entry in GlobalEventHandlersEventMap, so a wrong
// detail or an unknown name does not compile (checked by `npx tsc -p tsconfig.json`).
import { expect } from '@open-wc/testing';
import '../../packages/components/src/index.js';
import { emit } from '../../packages/components/src/internal/emit.js';

describe('emit()', () => {
  it('dispatches a bubbling, composed event with the detail', () => {
    const host = document.createElement('div');
    const inner = host.attachShadow({ mode: 'open' }).appendChild(document.createElement('span'));
    document.body.append(host);
    const seen: CustomEvent[] = [];
    const listener = (event: GlobalEventHandlersEventMap['nk-copy']) => seen.push(event);
    document.addEventListener('nk-copy', listener);
    try {
      expect(emit(inner, 'nk-copy', { text: 'hello' })).to.be.true;
    } finally {
      document.removeEventListener('nk-copy', listener);
      host.remove();
    }
    expect(seen).to.have.length(1);
    expect(seen[0]!.detail).to.deep.equal({ text: 'hello' });
    expect(seen[0]!.composed).to.be.true;
  });

  it('tells a listener that cancels it, when it is cancelable', () => {
    const el = document.createElement('div');
    el.addEventListener('nk-contact-save', (event) => event.preventDefault());
    expect(emit(el, 'nk-contact-save', { vcard: 'BEGIN:VCARD', fileName: 'a.vcf' }, true)).to.be.false;
    expect(emit(el, 'nk-contact-save', { vcard: 'BEGIN:VCARD', fileName: 'a.vcf' })).to.be.true;
  });
});

/** Never run: tsc fails on an `@ts-expect-error` line that compiles, so this checks the types. */
export function wrongDetailsDoNotCompile(el: EventTarget): void {
  // @ts-expect-error nk-pack-error's detail has message and issues, not text.
  emit(el, 'nk-pack-error', { text: 'x' });
  // @ts-expect-error nk-copy needs its text.
  emit(el, 'nk-copy', { template: 'id' });
  // @ts-expect-error no such event in the map.
  emit(el, 'nk-nothing', {});
}

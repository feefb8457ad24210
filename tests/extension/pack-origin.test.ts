import { expect } from '@open-wc/testing';
import { packOrigin } from '../../extension/src/pack-origin.js';

describe('the site a pack address is given access to', () => {
  it('is the one https site of the address', () => {
    expect(packOrigin('https://www.jeugdinstituut.example/netwerkkracht/pack.json')).to.equal('https://www.jeugdinstituut.example/*');
    expect(packOrigin('https://packs.example.org:8443/nl.json')).to.equal('https://packs.example.org/*');
    expect(packOrigin('https://bücher.example/p.json')).to.equal('https://xn--bcher-kva.example/*');
  });

  it('is nothing for wildcards, other schemes, credentials or no address', () => {
    for (const bad of [
      'https://*/pack.json',
      'https://*.example.org/pack.json',
      'http://example.org/pack.json',
      'file:///home/me/pack.json',
      'data:application/json,{}',
      'https://user:secret@example.org/pack.json',
      'https://[::1]/pack.json',
      'pack.json',
      '',
    ]) {
      expect(packOrigin(bad), bad).to.equal(null);
    }
  });
});

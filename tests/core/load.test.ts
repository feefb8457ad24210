import { expect } from '@open-wc/testing';
import { createRecordStore, loadPack, PackLoadError, type CachedPack } from '@netwerkkracht/core';
import { fixtureUrl, uniqueName } from '../fixtures/pack.js';

const server = (route: string) => new URL(`/test-server/${route}`, location.href).href;
const freshCache = () => createRecordStore<CachedPack>(uniqueName('nk-packs'), { broadcast: false });

async function rejection(promise: Promise<unknown>): Promise<PackLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(PackLoadError);
    return error as PackLoadError;
  }
  throw new Error('expected a rejection');
}

describe('loadPack', () => {
  it('loads and validates a pack from the network, and caches it', async () => {
    const cache = freshCache();
    const loaded = await loadPack(fixtureUrl('packs/valid.json'), { cache });
    expect(loaded.origin).to.equal('network');
    expect(loaded.pack.id).to.equal('test-pack');
    expect((await cache.read(fixtureUrl('packs/valid.json')))?.pack.id).to.equal('test-pack');
  });

  it('shares one load between elements on a page', () => {
    const url = fixtureUrl('packs/valid.json');
    const first = loadPack(url);
    expect(loadPack(url)).to.equal(first);
    const fresh = loadPack(url, { fresh: true });
    expect(fresh).not.to.equal(first);
    expect(loadPack(url)).to.equal(fresh);
  });

  describe('when the pack is trusted (a default pack built with this code)', () => {
    it('skips the full validation but still refuses a damaged file', async () => {
      const loaded = await loadPack(fixtureUrl('packs/invalid-reference.json'), { cache: freshCache(), trusted: true });
      expect(loaded.pack.id).to.equal('broken');
      const error = await rejection(loadPack(server('html'), { cache: freshCache(), trusted: true }));
      expect(error.message).to.match(/the default pack is damaged/);
    });
  });

  describe('when the server fails and nothing is cached', () => {
    for (const [route, pattern] of [
      ['status/404', /answered 404/],
      ['status/500', /answered 500/],
      ['html', /not valid JSON/],
      ['big?bytes=3000000', /larger than 2048 KB/],
    ] as const) {
      it(`rejects ${route} with a readable message`, async () => {
        const error = await rejection(loadPack(server(route), { cache: freshCache() }));
        expect(error.message).to.match(pattern);
      });
    }
    it('times out a slow server', async () => {
      const error = await rejection(loadPack(server('slow?ms=3000'), { cache: freshCache(), timeout: 200 }));
      expect(error.message).to.match(/did not answer within 0.2 s/);
    });
    it('rejects an invalid pack with every issue attached', async () => {
      const error = await rejection(loadPack(fixtureUrl('packs/invalid-reference.json'), { cache: freshCache() }));
      expect(error.message).to.equal('the pack is not valid: tips[0].source: unknown source "nowhere"');
      expect(error.issues).to.have.length(1);
    });
    it('rejects an address it cannot parse', async () => {
      const error = await rejection(loadPack('http://[broken', { cache: freshCache() }));
      expect(error.message).to.match(/not a valid address/);
    });
  });

  describe('when a good copy is cached', () => {
    it('uses it when the network fails, and says why', async () => {
      const cache = freshCache();
      const url = server('status/503');
      const good = (await loadPack(fixtureUrl('packs/valid.json'), { cache })).pack;
      await cache.write(url, { pack: good, storedAt: new Date().toISOString() });
      const loaded = await loadPack(url, { cache });
      expect(loaded.origin).to.equal('cache');
      expect(loaded.pack.id).to.equal('test-pack');
      expect(loaded.problem?.message).to.match(/answered 503/);
    });
    it('asks with If-None-Match and reuses the copy on 304', async () => {
      const cache = freshCache();
      const url = server('etag');
      await loadPack(url, { cache });
      expect((await cache.read(url))?.etag).to.equal('"pack-v1"');
      const again = await loadPack(url, { cache });
      expect(again.origin).to.equal('network');
      expect(again.pack.id).to.equal('test-pack');
    });
    it('takes a pack that changed mid-session', async () => {
      const cache = freshCache();
      const first = await loadPack(server('changing'), { cache });
      const second = await loadPack(server('changing'), { cache });
      expect(second.pack.title).not.to.equal(first.pack.title);
      expect((await cache.read(server('changing')))?.pack.title).to.equal(second.pack.title);
    });
  });
});

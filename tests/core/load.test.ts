import { expect } from '@open-wc/testing';
import { createRecordStore, loadPack, PackLoadError, prefetchPack, type CachedPack } from '@netwerkkracht/core';
import { fixtureUrl, uniqueName, validPack } from '../fixtures/pack.js';

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

  it('asks the network again after a load fell back to the cached copy', async () => {
    const url = server(`sequence/${uniqueName('again')}/good,500,good`);
    expect((await loadPack(url)).origin).to.equal('network');
    const fallback = await loadPack(url, { fresh: true });
    expect([fallback.origin, fallback.problem?.kind, fallback.problem?.detail]).to.deep.equal(['cache', 'status', '500 Internal Server Error']);
    expect((await loadPack(url)).origin, 'the next caller is not handed the fallback').to.equal('network');
  });

  it('rejects only the caller whose signal aborts, and at once for a signal already aborted', async () => {
    const url = server(`sequence/${uniqueName('abort')}/good,hang`);
    await loadPack(url);
    const controller = new AbortController();
    const mine = loadPack(url, { fresh: true, signal: controller.signal });
    const others = loadPack(url);
    controller.abort();
    let reason: unknown;
    await mine.catch((error: unknown) => (reason = error));
    expect((reason as Error | undefined)?.name).to.equal('AbortError');
    expect((await others).origin).to.equal('network');
    let early: unknown;
    await loadPack(server('slow?ms=3000'), { signal: AbortSignal.abort() }).catch((error: unknown) => (early = error));
    expect((early as Error | undefined)?.name).to.equal('AbortError');
  });

  it('does not wait for a cache that never answers', async () => {
    const silent = {
      mode: 'indexeddb' as const,
      read: () => new Promise<undefined>(() => {}),
      write: () => new Promise<void>(() => {}),
      readAll: () => new Promise<Map<string, CachedPack>>(() => {}),
      subscribe: () => () => {},
    };
    const loaded = await loadPack(fixtureUrl('packs/valid.json'), { cache: silent });
    expect([loaded.origin, loaded.pack.id]).to.deep.equal(['network', 'test-pack']);
  });

  it('shares one load between elements on a page', () => {
    const url = fixtureUrl('packs/valid.json');
    const first = loadPack(url);
    expect(loadPack(url)).to.equal(first);
    const fresh = loadPack(url, { fresh: true });
    expect(fresh).not.to.equal(first);
    expect(loadPack(url)).to.equal(fresh);
  });

  describe('cache first', () => {
    /** A stored copy of `url` with its own title, the way an earlier visit left it. */
    async function stored(cache: ReturnType<typeof freshCache>, url: string, title: string) {
      const pack = { ...(await validPack()), title };
      await cache.write(url, { pack, storedAt: new Date().toISOString() });
      return pack;
    }

    it('returns the stored copy at once, then the changed pack from the network', async () => {
      const cache = freshCache();
      const url = server(`sequence/${uniqueName('first')}/changed`);
      await stored(cache, url, 'Stored title');
      const loaded = await loadPack(url, { cache, cacheFirst: true });
      expect([loaded.origin, loaded.pack.title, loaded.problem]).to.deep.equal(['cache', 'Stored title', undefined]);
      const update = await loaded.update;
      expect([update?.origin, update?.pack.title]).to.deep.equal(['network', 'Changed pack']);
      expect((await cache.read(url))?.pack.title, 'the new copy is stored').to.equal('Changed pack');
    });

    it('says nothing changed after a 304', async () => {
      const cache = freshCache();
      const url = server('etag');
      await loadPack(url, { cache });
      const loaded = await loadPack(url, { cache, cacheFirst: true });
      expect(loaded.origin).to.equal('cache');
      expect(await loaded.update).to.equal(undefined);
    });

    it('keeps the stored copy and reports why when the network fails', async () => {
      const cache = freshCache();
      const url = server('status/503');
      await stored(cache, url, 'Stored title');
      const loaded = await loadPack(url, { cache, cacheFirst: true });
      const update = await loaded.update;
      expect([update?.origin, update?.pack.title, update?.problem?.kind]).to.deep.equal(['cache', 'Stored title', 'status']);
    });

    it('goes to the network first when nothing is stored', async () => {
      const url = server(`sequence/${uniqueName('empty')}/good`);
      const loaded = await loadPack(url, { cache: freshCache(), cacheFirst: true });
      expect([loaded.origin, loaded.pack.title, loaded.update]).to.deep.equal(['network', 'Base pack', undefined]);
    });

    it('gives later callers on the page the pack the check brought', async () => {
      // The default store: the one the elements use.
      const cache = createRecordStore<CachedPack>('netwerkkracht-packs', { broadcast: false });
      const url = server(`sequence/${uniqueName('shared')}/changed`);
      await stored(cache, url, 'Stored title');
      const first = await loadPack(url, { cacheFirst: true });
      expect(first.pack.title).to.equal('Stored title');
      await first.update;
      expect((await loadPack(url, { cacheFirst: true })).pack.title).to.equal('Changed pack');
    });

    it('takes the stored copy that prefetchPack read, while the code was still on its way', async () => {
      const store = createRecordStore<CachedPack>('netwerkkracht-packs', { broadcast: false });
      const url = server(`sequence/${uniqueName('prefetch-copy')}/good`);
      await stored(store, url, 'Stored title');
      prefetchPack(url);
      // The read prefetchPack left for loadPack, under the symbol they share.
      await (globalThis as { [key: symbol]: Map<string, Promise<unknown>> | undefined })[Symbol.for('netwerkkracht.prefetched-pack-copies')]?.get(url);
      // Gone by the time the pack is asked for: only the read made before can show it.
      await store.write(url, undefined);
      const loaded = await loadPack(url, { cacheFirst: true });
      expect([loaded.origin, loaded.pack.title]).to.deep.equal(['cache', 'Stored title']);
      expect((await loaded.update)?.pack.title, 'the prefetched request checks it').to.equal('Base pack');
    });
  });

  describe('after prefetchPack', () => {
    it('uses the request already made instead of asking again', async () => {
      // The first request gets the base pack, any later one the changed pack.
      const url = server(`sequence/${uniqueName('prefetch')}/good,changed`);
      prefetchPack(url);
      prefetchPack(url);
      const loaded = await loadPack(url, { cache: freshCache() });
      expect([loaded.origin, loaded.pack.title]).to.deep.equal(['network', 'Base pack']);
      const again = await loadPack(url, { cache: freshCache() });
      expect(again.pack.title, 'the prefetched response is used once').to.equal('Changed pack');
    });

    it('reports a prefetch that failed like its own request', async () => {
      const url = server(`sequence/${uniqueName('prefetch-fail')}/500,good`);
      prefetchPack(url);
      const error = await rejection(loadPack(url, { cache: freshCache() }));
      expect([error.kind, error.detail]).to.deep.equal(['status', '500 Internal Server Error']);
    });
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
    for (const [route, pattern, kind] of [
      ['status/404', /answered 404/, 'status'],
      ['status/500', /answered 500/, 'status'],
      ['html', /not valid JSON/, 'invalid'],
      ['big?bytes=3000000', /larger than 2048 KB/, 'too-large'],
    ] as const) {
      it(`rejects ${route} with a readable message and its kind`, async () => {
        const error = await rejection(loadPack(server(route), { cache: freshCache() }));
        expect(error.message).to.match(pattern);
        expect(error.kind).to.equal(kind);
      });
    }
    it('times out a slow server', async () => {
      const error = await rejection(loadPack(server('slow?ms=3000'), { cache: freshCache(), timeout: 200 }));
      expect(error.message).to.match(/did not answer within 0.2 s/);
      expect([error.kind, error.detail]).to.deep.equal(['timeout', '0.2']);
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

// The hostile-pack corpus (tests/fixtures/hostile-packs.js, the same packs the browser tests load)
// through `netwerkkracht validate`: from files and from a server. Each pack is refused with a
// readable message naming the problem, or accepted; never a stack trace, never a hang.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { hostilePacks } from '../fixtures/hostile-packs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const cli = process.env.NK_CLI ?? join(root, 'packages/content/bin/netwerkkracht.js');
const MAX_LINE = 400;
const corpus = hostilePacks();

/** Runs the CLI; resolves with its exit code and output, or fails after `timeout` ms (a hang). */
function run(args, timeout = 20_000) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text) => (stderr += text));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the CLI did not finish within ${timeout} ms: ${args.join(' ')}`));
    }, timeout);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Runs at most `limit` CLI processes at once; the tests then only wait for their own result. */
function pool(limit) {
  let active = 0;
  const waiting = [];
  const next = () => {
    if (active >= limit || !waiting.length) return;
    active++;
    const { task, resolve, reject } = waiting.shift();
    task()
      .then(resolve, reject)
      .finally(() => {
        active--;
        next();
      });
  };
  return (task) =>
    new Promise((resolve, reject) => {
      waiting.push({ task, resolve, reject });
      next();
    });
}

/** What every run must look like: a readable message, no stack trace, nothing endless. */
function assertReadable({ stdout, stderr }, name) {
  assert.doesNotMatch(stderr, /^\s+at .+:\d+:\d+\)?$/m, `${name}: a stack trace`);
  assert.doesNotMatch(stderr, /Uncaught|UnhandledPromiseRejection|RangeError|TypeError/, `${name}: an uncaught error`);
  for (const line of `${stdout}${stderr}`.split('\n')) assert.ok(line.length < MAX_LINE, `${name}: a line of ${line.length} characters`);
}

function assertOutcome(result, entry, source) {
  assertReadable(result, entry.name);
  if (entry.expect === 'accept') {
    assert.equal(result.status, 0, `${entry.name}: ${result.stderr}`);
    assert.match(result.stdout, /valid pack "hostile-base"/);
  } else {
    assert.equal(result.status, 1, `${entry.name}: exit ${result.status}\n${result.stdout}${result.stderr}`);
    assert.match(result.stderr, entry.message, entry.name);
    // Every line names the file or address it is about.
    for (const line of result.stderr
      .trim()
      .split('\n')
      .filter((l) => !/problems?: the pack is not valid/.test(l))) {
      assert.ok(line.startsWith(`${source}: `), `${entry.name}: "${line.slice(0, 120)}"`);
    }
  }
}

describe('netwerkkracht validate with hostile packs', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nk-hostile-'));
  const files = new Map();
  let server;
  let origin;
  let sentBytes = 0;

  before(async () => {
    // The corpus as files, written piece by piece (the 50 MB one is never one string).
    for (const entry of corpus) {
      const file = join(dir, `${entry.name}.json`);
      await pipeline(Readable.from(entry.chunks()), createWriteStream(file));
      files.set(entry.name, file);
    }
    // …and on a server, the big ones streamed without content-length.
    server = createServer((request, response) => {
      const entry = corpus.find((e) => request.url === `/${e.name}.json`);
      if (!entry) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, { 'content-type': 'application/json' });
      const body = Readable.from(entry.chunks());
      body.on('data', (chunk) => (sentBytes += chunk.byteLength));
      body.pipe(response);
      response.on('close', () => body.destroy());
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${server.address().port}`;
  });

  after(() => {
    server?.closeAllConnections?.();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  describe('from a file', () => {
    const results = new Map();
    before(() => {
      // Two at a time: the runs are independent, and the machine is shared.
      const limit = pool(2);
      for (const entry of corpus) {
        const result = limit(() => run(['validate', files.get(entry.name)]));
        result.catch(() => undefined);
        results.set(entry.name, result);
      }
    });
    for (const entry of corpus) {
      it(`${entry.expect}s ${entry.name}`, async () => {
        assertOutcome(await results.get(entry.name), entry, files.get(entry.name));
      });
    }
  });

  describe('from a URL', () => {
    for (const entry of corpus.filter((e) => e.size || e.group === 'encoding' || e.group === 'syntax')) {
      it(`${entry.expect}s ${entry.name}`, async () => {
        const url = `${origin}/${entry.name}.json`;
        sentBytes = 0;
        assertOutcome(await run(['validate', url]), entry, url);
        // The 50 MB pack is refused after about 2 MB, not downloaded whole.
        if (entry.size) assert.ok(sentBytes < 10 * 1024 * 1024, `read ${sentBytes} bytes of ${entry.size}`);
      });
    }
  });

  it('refuses an endless file (/dev/zero) after 2 MB instead of reading forever', async () => {
    const result = await run(['validate', '/dev/zero'], 10_000);
    assertReadable(result, '/dev/zero');
    assert.equal(result.status, 1);
    assert.match(result.stderr, /refuse packs over 2048 KB/);
  });

  it('checks the whole corpus in one run and exits 1', async () => {
    const sources = corpus.map((entry) => files.get(entry.name));
    const result = await run(['validate', ...sources], 60_000);
    assertReadable(result, 'all');
    assert.equal(result.status, 1);
    const accepted = result.stdout.trim().split('\n').filter(Boolean);
    assert.equal(accepted.length, corpus.filter((e) => e.expect === 'accept').length, result.stdout);
  });
});

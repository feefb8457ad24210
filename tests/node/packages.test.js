// The packages as a user outside this repository gets them: `npm pack`, installed from the
// tarballs in a new project, type-checked with strict TypeScript, bundled with a real bundler
// and run in Chromium; the widgets tarball served as a CDN would serve it. Needs `npm run build`.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { launchChromium, startDemo } from '../e2e/helpers.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const WORKSPACES = ['packages/core', 'packages/components', 'packages/content', 'widgets'];
const ELEMENTS = { 'nk-tip-card': 'NkTipCard', 'nk-contact-card': 'NkContactCard', 'nk-network-checklist': 'NkNetworkChecklist', 'nk-tip-deck': 'NkTipDeck' };
const bin = (name) => join(root, 'node_modules/.bin', name);
const readJson = (path) => JSON.parse(readFileSync(path, 'utf8'));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json', '.map': 'application/json' };

/** Serves files from `dir` under `prefix`, with `headers`; resolves with its origin and a stop function. */
async function serveDir(dir, { prefix = '/', headers = {}, pages = {} } = {}) {
  const server = createServer((request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pages[pathname]) return response.writeHead(200, { ...headers, 'content-type': 'text/html' }).end(pages[pathname]);
    if (!pathname.startsWith(prefix)) return response.writeHead(404).end();
    const file = join(dir, normalize(`/${pathname.slice(prefix.length)}`));
    try {
      const body = readFileSync(file);
      response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, stop: () => new Promise((resolve) => server.close(resolve)) };
}

/** The first tip title in `pack`, as a page shows it once the element has loaded it. */
async function shownTitle(page, selector) {
  const heading = page.locator(selector).getByRole('heading').first();
  await heading.waitFor();
  return heading.textContent();
}

describe('the packed packages in a new project', () => {
  let dir;
  let project;
  let tarballs;
  let browser;

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'nk-consumer-'));
    const out = execFileSync('npm', ['pack', ...WORKSPACES.flatMap((w) => ['-w', w]), '--pack-destination', dir, '--json'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    tarballs = Object.fromEntries(JSON.parse(out).map((entry) => [entry.name, { file: join(dir, entry.filename), files: entry.files.map((f) => f.path) }]));
    project = join(dir, 'app');
    mkdirSync(project);
    const tgz = (name) => `file:${tarballs[name].file}`;
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({
        name: 'consumer-app',
        private: true,
        type: 'module',
        dependencies: {
          '@netwerkkracht/core': tgz('@netwerkkracht/core'),
          '@netwerkkracht/components': tgz('@netwerkkracht/components'),
          '@netwerkkracht/content': tgz('@netwerkkracht/content'),
          '@types/react': readJson(join(root, 'node_modules/@types/react/package.json')).version,
        },
        // The components' own dependency on core is the tarball too: nothing is published yet.
        overrides: { '@netwerkkracht/core': tgz('@netwerkkracht/core') },
      }),
    );
    execFileSync('npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error'], { cwd: project, stdio: 'inherit' });
  });
  after(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('every tarball has its README, LICENSE and package.json, and publint finds nothing', () => {
    for (const [name, { file, files }] of Object.entries(tarballs)) {
      for (const wanted of ['README.md', 'LICENSE', 'package.json']) assert.ok(files.includes(wanted), `${name} ships ${wanted}`);
      const report = execFileSync(process.execPath, [bin('publint'), 'run', file, '--level', 'suggestion'], { encoding: 'utf8' });
      assert.match(report, /All good!/, `${name}: ${report}`);
    }
  });

  it('are-the-types-wrong finds no problem for bundlers and node16 ESM', () => {
    for (const name of ['@netwerkkracht/core', '@netwerkkracht/components']) {
      let out;
      try {
        out = execFileSync(process.execPath, [bin('attw'), tarballs[name].file, '--profile', 'esm-only', '--no-definitely-typed', '--format', 'json'], {
          encoding: 'utf8',
        });
      } catch (error) {
        // attw exits 1 when it found problems, and still prints its report.
        out = error.stdout;
      }
      const { analysis } = JSON.parse(out);
      assert.ok(analysis.types, `${name} has types`);
      const problems = analysis.problems.filter((p) => !p.resolutionKind || ['bundler', 'node16-esm'].includes(p.resolutionKind));
      assert.deepEqual(problems, [], name);
    }
  });

  it('type-checks a strict TypeScript app against the installed packages (bundler and node16)', () => {
    writeFileSync(
      join(project, 'app.ts'),
      `import '@netwerkkracht/components';
import { NkTipCard, type FavouriteChangeDetail, type LoadStatus } from '@netwerkkracht/components';
import { NkContactCard } from '@netwerkkracht/components/classes.js';
import { setDefaultPackBase } from '@netwerkkracht/components/config.js';
import { formatIssue, tipOfTheDay, validatePack, type Pack } from '@netwerkkracht/core';

setDefaultPackBase('/packs/');
const card: NkTipCard = document.createElement('nk-tip-card');
card.tip = 'een-tip';
// @ts-expect-error a tip id is a string
card.tip = 5;
card.addEventListener('nk-favourite-change', (event) => {
  const detail: FavouriteChangeDetail = event.detail;
  const favourite: boolean = detail.favourite;
  console.log(favourite);
});
card.addEventListener('nk-pack-error', (event) => console.log(event.detail.message.length));
document.querySelector('nk-network-checklist')?.addEventListener('nk-progress-change', (event) => console.log(event.detail.done.toFixed(0)));
const deck = document.querySelector('nk-tip-deck');
if (deck) deck.pack = 'https://www.example.org/pack.json';
class OwnContact extends NkContactCard {}
customElements.define('own-contact', OwnContact);
const status: LoadStatus = 'ready';
const result = validatePack(JSON.parse('{}'));
if (result.ok) {
  const pack: Pack = result.pack;
  console.log(tipOfTheDay(pack.tips)?.title.toUpperCase(), status);
} else {
  console.log(result.issues.map(formatIssue).join('\\n'), result.total);
}
`,
    );
    writeFileSync(
      join(project, 'app.tsx'),
      `import type {} from '@netwerkkracht/components/react.js';
import '@netwerkkracht/components/nk-tip-card.js';

export const Tip = () => <nk-tip-card tip="een-tip" headingLevel={2} onnk-favourite-change={(event) => console.log(event.detail.favourite)} />;
// @ts-expect-error a tip id is a string
export const Wrong = () => <nk-tip-card tip={5} />;
// @ts-expect-error the detail of nk-progress-change has no "favourite"
export const WrongEvent = () => <nk-network-checklist onnk-progress-change={(event) => event.detail.favourite} />;
`,
    );
    const strict = { strict: true, noEmit: true, skipLibCheck: false, target: 'ES2022', lib: ['ES2022', 'DOM', 'DOM.Iterable'], types: [] };
    const check = (file, compilerOptions) => {
      const tsconfig = join(project, `tsconfig.${file}.json`);
      writeFileSync(tsconfig, JSON.stringify({ compilerOptions: { ...strict, ...compilerOptions }, files: [file] }));
      try {
        execFileSync(process.execPath, [bin('tsc'), '-p', tsconfig], { cwd: project, encoding: 'utf8' });
      } catch (error) {
        assert.fail(`tsc ${file} (${compilerOptions.moduleResolution}):\n${error.stdout}`);
      }
    };
    check('app.ts', { module: 'ESNext', moduleResolution: 'Bundler' });
    check('app.ts', { module: 'Node16', moduleResolution: 'Node16' });
    check('app.tsx', { module: 'ESNext', moduleResolution: 'Bundler', jsx: 'react-jsx' });
  });

  it('bundles a page with only the tip card, without the other elements, and shows the tip in Chromium', async () => {
    const site = join(project, 'site');
    mkdirSync(site);
    const result = await build({
      stdin: {
        contents:
          "import '@netwerkkracht/components/nk-tip-card.js';\nimport { setDefaultPackBase } from '@netwerkkracht/components/config.js';\nsetDefaultPackBase('/packs/');\n",
        resolveDir: project,
      },
      absWorkingDir: project,
      bundle: true,
      format: 'esm',
      outfile: join(site, 'app.js'),
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    writeFileSync(join(site, 'app.js'), code);
    assert.ok(/\bNkTipCard\b/.test(code), 'the tip card is in the bundle');
    for (const [tag, className] of Object.entries(ELEMENTS).slice(1)) {
      assert.ok(!new RegExp(`\\b${className}\\b`).test(code), `no ${className} in the bundle`);
      assert.ok(!code.includes(`"${tag}"`) && !code.includes(`'${tag}'`), `no ${tag} in the bundle`);
    }
    // The app serves the default packs from its copy of @netwerkkracht/content, as its README says.
    cpSync(join(project, 'node_modules/@netwerkkracht/content/packs'), join(site, 'packs'), { recursive: true });
    const pack = readJson(join(site, 'packs/nl.json'));
    const server = await serveDir(site, {
      headers: { 'content-security-policy': "default-src 'self'; script-src 'self'; style-src 'self'" },
      pages: {
        '/': `<!doctype html><html lang="nl"><title>app</title><script type="module" src="/app.js"></script><nk-tip-card tip="${pack.tips[0].id}"></nk-tip-card>`,
      },
    });
    try {
      browser ??= await launchChromium();
      const page = await browser.newPage();
      await page.goto(server.origin);
      assert.equal(await shownTitle(page, 'nk-tip-card'), pack.tips[0].title);
      assert.equal(
        await page.evaluate(
          () => [customElements.get('nk-contact-card'), customElements.get('nk-tip-deck'), customElements.get('nk-network-checklist')].filter(Boolean).length,
        ),
        0,
      );
      await page.close();
    } finally {
      await server.stop();
    }
  });

  it('the embed builder names files the widgets tarball holds, and that copy renders under a strict CSP', async () => {
    const { name, version } = readJson(join(root, 'widgets/package.json'));
    const demo = await startDemo();
    let snippet;
    try {
      browser ??= await launchChromium();
      const page = await browser.newPage();
      await page.goto(`${demo.origin}/embed`);
      await page.waitForFunction(() => document.getElementById('snippet').value.includes('cdn.'));
      snippet = await page.locator('#snippet').inputValue();
      await page.close();
    } finally {
      await demo.stop();
    }
    const src = /<script type="module" src="([^"]+)"/.exec(snippet)?.[1];
    const cdnBase = `https://cdn.jsdelivr.net/npm/${name}@${version}/`;
    assert.ok(src?.startsWith(cdnBase), `${src} is on ${cdnBase}`);
    const inPackage = src.slice(cdnBase.length);
    const { files, file } = tarballs[name];
    for (const path of [
      inPackage,
      dirname(inPackage) + '/packs/nl.json',
      dirname(inPackage) + '/packs/en.json',
      dirname(inPackage) + '/netwerkkracht.classic.js',
    ]) {
      assert.ok(files.includes(path), `the tarball holds ${path}`);
    }
    assert.ok(!files.some((f) => f.startsWith('src/')), 'no sources in the widgets tarball');

    // The tarball unpacked under a path of the same shape, on its own origin, like the CDN.
    const unpacked = join(dir, 'cdn');
    mkdirSync(unpacked);
    execFileSync('tar', ['xzf', file, '-C', unpacked]);
    const cdn = await serveDir(join(unpacked, 'package'), { prefix: `/npm/${name}@${version}/`, headers: { 'access-control-allow-origin': '*' } });
    const local = snippet.replaceAll(cdnBase, `${cdn.origin}/npm/${name}@${version}/`);
    const blank = await serveDir(dir, {
      headers: { 'content-security-policy': `default-src 'self'; script-src ${cdn.origin}; connect-src ${cdn.origin}; style-src 'self'` },
      pages: { '/': `<!doctype html><html lang="nl"><title>blank</title>${local}` },
    });
    try {
      const page = await browser.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.goto(blank.origin);
      const pack = readJson(join(unpacked, 'package/dist/packs/nl.json'));
      const tag = /<(nk-[a-z-]+)/.exec(snippet)[1];
      const tipId = /tip="([^"]+)"/.exec(snippet)?.[1];
      assert.equal(await shownTitle(page, tag), pack.tips.find((tip) => tip.id === tipId)?.title ?? pack.tips[0].title);
      assert.deepEqual(errors, []);
      await page.close();
    } finally {
      await cdn.stop();
      await blank.stop();
    }
  });
});

describe('package metadata', () => {
  const manifests = WORKSPACES.map((w) => readJson(join(root, w, 'package.json')));
  const { version } = readJson(join(root, 'package.json'));

  it('every package has the same version as the repository, and depends on its siblings at that version', () => {
    for (const manifest of manifests) {
      assert.equal(manifest.version, version, manifest.name);
      for (const [dep, range] of Object.entries({ ...manifest.dependencies, ...manifest.devDependencies })) {
        if (dep.startsWith('@netwerkkracht/')) assert.equal(range, version, `${manifest.name} → ${dep}`);
      }
    }
  });

  it('every package says where it comes from, for whom, and what it needs', () => {
    for (const manifest of manifests) {
      for (const field of ['description', 'license', 'repository', 'homepage', 'keywords', 'engines']) assert.ok(manifest[field], `${manifest.name}.${field}`);
      assert.equal(manifest.repository.directory, WORKSPACES[manifests.indexOf(manifest)]);
    }
  });

  it('the README embeds the widgets from the CDN at the current version', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/@netwerkkracht/widgets@${version}/dist/netwerkkracht.js`));
  });
});

// Serves the demo site like a real host would: the pages from demo/, the built widgets from
// widgets/dist/ at /netwerkkracht/, and the element manifest. PORT overrides 8000.
import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { zipSync } from 'fflate';

const root = fileURLToPath(new URL('..', import.meta.url));
const MOUNTS = [
  ['/netwerkkracht/', join(root, 'widgets/dist')],
  ['/studio/', join(root, 'packages/studio/dist')],
  ['/extension/', join(root, 'extension/dist')],
  ['/screenshots/', join(root, 'docs/screenshots')],
  ['/custom-elements.json', join(root, 'packages/components/custom-elements.json')],
  ['/widgets/package.json', join(root, 'widgets/package.json')],
  // Municipal themes as published on npm (dev dependencies), for the gallery; not part of the widgets.
  ['/themes/utrecht/', join(root, 'node_modules/@utrecht/design-tokens/dist')],
  ['/themes/rijkshuisstijl/', join(root, 'node_modules/@rijkshuisstijl-community/design-tokens/dist')],
  ['/themes/voorbeeld/', join(root, 'node_modules/@nl-design-system-unstable/voorbeeld-design-tokens/dist')],
  ['/', join(root, 'demo')],
];
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.zip': 'application/zip',
  '.ics': 'text/calendar; charset=utf-8',
  '.jsx': 'text/plain; charset=utf-8',
};
// The demo holds itself to the policy we promise editors the widgets work under.
const CSP = "default-src 'self'; connect-src 'self' https:; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'";

/** Maps a request path to a file inside one of the mounts, or undefined. */
function locate(pathname) {
  for (const [prefix, dir] of MOUNTS) {
    if (prefix.endsWith('/') ? !pathname.startsWith(prefix) : pathname !== prefix) continue;
    let file = prefix.endsWith('/') ? resolve(dir, `.${sep}${normalize(pathname.slice(prefix.length))}`) : dir;
    if (!file.startsWith(dir)) return undefined;
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (existsSync(file)) return file;
    if (!extname(file) && existsSync(`${file}.html`)) return `${file}.html`;
  }
  return undefined;
}

const ZIP_PATH = '/netwerkkracht-widgets.zip';

/** The built widgets as one zip with a `netwerkkracht/` folder, for editors who host it themselves. */
function widgetsZip() {
  const dist = join(root, 'widgets/dist');
  const files = {};
  for (const name of readdirSync(dist, { recursive: true })) {
    const path = join(dist, name);
    if (name !== 'load-sets.json' && statSync(path).isFile()) files[`netwerkkracht/${name.split(sep).join('/')}`] = readFileSync(path);
  }
  return Buffer.from(zipSync(files));
}

/** Starts the server; resolves with it once it listens. */
export function serve(port = Number(process.env.PORT ?? 8000), host = undefined) {
  const server = createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end('Bad request');
      return;
    }
    const headers = { 'content-security-policy': CSP, 'x-content-type-options': 'nosniff', 'cache-control': 'no-cache' };
    if (pathname === ZIP_PATH) {
      response
        .writeHead(200, { ...headers, 'content-type': 'application/zip', 'content-disposition': 'attachment; filename="netwerkkracht-widgets.zip"' })
        .end(widgetsZip());
      return;
    }
    const file = locate(pathname);
    if (!file) {
      response.writeHead(404, { ...headers, 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    // Like a CDN: the widgets and packs may be used from pages on other origins.
    if (pathname.startsWith('/netwerkkracht/')) headers['access-control-allow-origin'] = '*';
    response.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolvePromise(server));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const server = await serve().catch((error) => {
    console.error(error.code === 'EADDRINUSE' ? `Port ${process.env.PORT ?? 8000} is in use: try PORT=8080 npm start` : error.message);
    process.exit(1);
  });
  const { port } = server.address();
  console.log(
    `\nNetwerkkracht demo: http://localhost:${port}/\n  Component gallery: http://localhost:${port}/gallery\n  Embed builder:     http://localhost:${port}/embed\n  Pack studio:       http://localhost:${port}/studio\n\nPress Ctrl+C to stop.`,
  );
}

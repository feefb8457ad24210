// The embed builder: pick an element and options, see it live, copy the exact snippet.
// snippet.js is @netwerkkracht/content's snippet writer, built beside the widgets.
import { escapeHtml, inlinePackBlock, prerendered as prerender, prerenderedDeck, scriptSafeJson, snippetHead } from '/netwerkkracht/snippet.js';

const form = document.getElementById('builder');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const status = document.getElementById('status');
const packField = form.elements.pack;
const packMessage = document.getElementById('pack-message');
// The preview always uses this server's copy; the snippet names the CDN's copy of the same
// version of @netwerkkracht/widgets, or this server's folder for "own server".
const ownBase = new URL('/netwerkkracht/', location.href).href;
const cdnBase = fetch('/widgets/package.json')
  .then((response) => (response.ok ? response.json() : Promise.reject(new Error(`${response.status}`))))
  .then(({ name, version }) => `https://cdn.jsdelivr.net/npm/${name}@${version}/dist/`);
const ID_ATTRIBUTE = { 'nk-tip-card': ['tip', 'tips'], 'nk-contact-card': ['contact', 'contacts'], 'nk-network-checklist': ['checklist', 'checklists'] };
// Downloads by URL; a failed one is dropped, so that the next fill tries again.
const packs = new Map();
// Numbers the fills: one that finishes after a newer one started drops its result.
let fills = 0;
// The item the editor picked: kept when a new list (another language) still has it.
let chosenId = '';
// The own pack the list was last filled from ('' for the default pack).
let listedPack = '';

async function download(url) {
  let response;
  try {
    response = await fetch(url, { credentials: 'omit' });
  } catch {
    throw new Error('geen antwoord, of die website staat ophalen vanaf andere websites niet toe (CORS)');
  }
  if (!response.ok) throw new Error(`de server antwoordde ${response.status} ${response.statusText}`.trim());
  let pack;
  try {
    pack = await response.json();
  } catch {
    throw new Error('het bestand is geen geldige JSON');
  }
  if (!Array.isArray(pack?.tips)) throw new Error('het bestand is geen inhoudspakket');
  return pack;
}

function loadPack(url) {
  if (!packs.has(url)) {
    const promise = download(url);
    packs.set(url, promise);
    promise.catch(() => {
      if (packs.get(url) === promise) packs.delete(url);
    });
  }
  return packs.get(url);
}

/** The own pack address if it is usable (absolute https:), else '' and why not. */
function ownPack() {
  const value = packField.value.trim();
  if (!value) return { href: '', problem: '' };
  let url;
  try {
    url = new URL(value);
  } catch {
    return { href: '', problem: 'Vul het volledige adres in, dus met https:// ervoor, bijvoorbeeld https://www.jouw-organisatie.nl/netwerkkracht.json.' };
  }
  if (url.protocol === 'http:') return { href: '', problem: 'Het adres moet met https:// beginnen: een website met https laadt geen inhoud via http.' };
  if (url.protocol !== 'https:' || !url.hostname) return { href: '', problem: 'Alleen een webadres dat met https:// begint kan een inhoudspakket zijn.' };
  return { href: url.href, problem: '' };
}

/** Marks the pack field and says why when its address is refused; returns the usable address. */
function checkPackField() {
  const { href, problem } = ownPack();
  if (problem) {
    packField.setAttribute('aria-invalid', 'true');
    packMessage.textContent = `${problem} Tot dan staat het pakket niet in het voorbeeld en de code.`;
  } else {
    packField.removeAttribute('aria-invalid');
    packMessage.textContent = '';
  }
  return href;
}

/** Fills "Welke?" from the pack the preview shows; false when a newer fill has taken over. */
async function fillIds(own, announce) {
  const run = ++fills;
  listedPack = own;
  const { element, lang } = Object.fromEntries(new FormData(form));
  const select = form.elements.id;
  const mapping = ID_ATTRIBUTE[element];
  select.disabled = !mapping;
  select.replaceChildren();
  if (!mapping) return true;
  let pack;
  try {
    pack = await loadPack(own || `${ownBase}packs/${lang}.json`);
    if (run !== fills) return false;
    if (own && announce) status.textContent = 'Je eigen pakket is geladen: kies bij "Welke?" uit de inhoud daarvan.';
  } catch (error) {
    if (run !== fills) return false;
    if (!own) {
      status.textContent = `De keuzes bij "Welke?" konden niet worden geladen (${error.message}). Probeer het later opnieuw.`;
      return true;
    }
    // The form stays usable with the default items; the preview shows the pack's own error.
    status.textContent = `Je eigen pakket kon niet worden geladen (${error.message}). "Welke?" toont daarom de standaardinhoud; controleer het adres.`;
    try {
      pack = await loadPack(`${ownBase}packs/${lang}.json`);
    } catch {
      return run === fills;
    }
    if (run !== fills) return false;
  }
  for (const entry of pack[mapping[1]] ?? []) select.add(new Option(entry.title ?? entry.name, entry.id));
  if ([...select.options].some((option) => option.value === chosenId)) select.value = chosenId;
  chosenId = select.value;
  return true;
}

// The id of the JSON block an inline pack sits in.
const INLINE_ID = 'netwerkkracht-pack';

function attributes() {
  const data = Object.fromEntries(new FormData(form));
  const attrs = [];
  const mapping = ID_ATTRIBUTE[data.element];
  if (mapping && data.id) attrs.push([mapping[0], data.id]);
  if (data.element === 'nk-tip-deck') attrs.push(['mode', data.mode]);
  attrs.push(['lang', data.lang]);
  if (data.theme) attrs.push(['theme', data.theme]);
  const pack = ownPack().href;
  const inline = data.inline === 'on';
  if (inline) attrs.push(['pack', `#${INLINE_ID}`]);
  else if (pack) attrs.push(['pack', pack]);
  const prerendered = data.prerender === 'on' && (data.element === 'nk-tip-deck' || !!data.id);
  return {
    element: data.element,
    attrs,
    classic: data.classic === 'on',
    own: data.host === 'own',
    inline,
    packUrl: pack || `${ownBase}packs/${data.lang}.json`,
    prerendered,
    id: data.id,
    inlineStyle: data['inline-style'] === 'on',
  };
}

// The stylesheet's text, for a snippet with its styles inline; undefined when it cannot be had
// (the snippet then links it).
let styleText;
function stylesheet() {
  styleText ??= fetch(`${ownBase}netwerkkracht.css`).then(
    (response) => (response.ok ? response.text() : undefined),
    () => undefined,
  );
  return styleText;
}

/** The pre-rendered element, from the pack "Welke?" was filled from; undefined when it is not at hand. */
async function withContent(id, attrs) {
  const lang = attrs.find(([name]) => name === 'lang')?.[1] ?? 'nl';
  let pack;
  try {
    pack = await loadPack(listedPack || `${ownBase}packs/${lang}.json`);
  } catch {
    return undefined;
  }
  try {
    const rest = Object.fromEntries(attrs.filter(([name]) => !['tip', 'checklist', 'contact'].includes(name)));
    return id ? prerender(pack, id, rest) : prerenderedDeck(pack, rest);
  } catch {
    return undefined;
  }
}

async function render() {
  const { element, attrs, classic, own, inline, packUrl, prerendered, id, inlineStyle } = attributes();
  const card = prerendered ? await withContent(id, attrs) : undefined;
  // The pack itself, for the inline form: the preview reads it from the same kind of block. A
  // pre-rendered tip card carries its content and reads no pack, so it needs no block; the other
  // pre-rendered elements still read theirs.
  const inlinePack = inline && (!card || element !== 'nk-tip-card') ? await loadPack(packUrl) : undefined;
  const packJson = inlinePack ? scriptSafeJson(inlinePack) : '';
  let el;
  if (card) {
    // The writer escapes every text of the pack: the markup holds no markup of the pack's own.
    el = document.createRange().createContextualFragment(card);
  } else {
    el = document.createElement(element);
    for (const [name, value] of attrs) el.setAttribute(name, value);
  }
  if (packJson) {
    const block = document.createElement('script');
    block.type = 'application/json';
    block.id = INLINE_ID;
    block.textContent = packJson;
    preview.replaceChildren(block, el);
  } else preview.replaceChildren(el);
  const scriptBase = own ? ownBase : await cdnBase;
  const tag = card ?? `<${element}${attrs.map(([n, v]) => ` ${n}="${escapeHtml(v)}"`).join('')}></${element}>`;
  const css = inlineStyle ? await stylesheet() : undefined;
  const block = inlinePack ? `${inlinePackBlock(inlinePack, INLINE_ID)}\n` : '';
  snippet.value = `${block}${snippetHead(scriptBase, { classic, css })}\n${tag}\n`;
}

async function update(event) {
  const name = event?.target.name;
  // Any change makes an earlier "Gekopieerd." untrue: the clipboard holds the old code.
  if (event) status.textContent = '';
  if (name === 'id') chosenId = event.target.value;
  const own = checkPackField();
  let current = true;
  if (!event || name === 'element' || name === 'lang' || (name === 'pack' && own !== listedPack)) {
    try {
      current = await fillIds(own, name === 'pack');
    } catch (error) {
      showError(error);
    }
  }
  // A fill that was overtaken leaves the rendering to the newer one.
  if (current) await render();
}

form.addEventListener('change', (event) => update(event).catch(showError));
form.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(snippet.value);
    status.textContent = 'Gekopieerd.';
  } catch {
    snippet.select();
    status.textContent = 'Kopiëren lukte niet automatisch: de code is geselecteerd, druk op Ctrl+C.';
  }
});

function showError(error) {
  status.textContent = `Er ging iets mis: ${error.message}`;
}

update().catch(showError);

// The embed builder: pick an element and options, see it live, copy the exact snippet.
const form = document.getElementById('builder');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const status = document.getElementById('status');
const scriptBase = new URL('/netwerkkracht/', location.href).href;
const ID_ATTRIBUTE = { 'nk-tip-card': ['tip', 'tips'], 'nk-contact-card': ['contact', 'contacts'], 'nk-network-checklist': ['checklist', 'checklists'] };
const packs = {};

async function defaultPack(lang) {
  packs[lang] ??= fetch(`${scriptBase}packs/${lang}.json`).then((r) => r.json());
  return packs[lang];
}

function escapeAttribute(value) {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}

async function fillIds() {
  const { element, lang } = Object.fromEntries(new FormData(form));
  const select = form.elements.id;
  const mapping = ID_ATTRIBUTE[element];
  select.disabled = !mapping;
  select.replaceChildren();
  if (!mapping) return;
  const pack = await defaultPack(lang);
  for (const entry of pack[mapping[1]]) select.add(new Option(entry.title ?? entry.name, entry.id));
}

function attributes() {
  const data = Object.fromEntries(new FormData(form));
  const attrs = [];
  const mapping = ID_ATTRIBUTE[data.element];
  if (mapping && data.id) attrs.push([mapping[0], data.id]);
  if (data.element === 'nk-tip-deck') attrs.push(['mode', data.mode]);
  attrs.push(['lang', data.lang]);
  if (data.theme) attrs.push(['theme', data.theme]);
  if (data.pack) attrs.push(['pack', data.pack]);
  return { element: data.element, attrs, classic: data.classic === 'on' };
}

function render() {
  const { element, attrs, classic } = attributes();
  const el = document.createElement(element);
  for (const [name, value] of attrs) el.setAttribute(name, value);
  preview.replaceChildren(el);
  const script = classic
    ? `<script src="${scriptBase}netwerkkracht.classic.js" defer></script>`
    : `<script type="module" src="${scriptBase}netwerkkracht.js"></script>`;
  const tag = `<${element}${attrs.map(([n, v]) => ` ${n}="${escapeAttribute(v)}"`).join('')}></${element}>`;
  snippet.value = `${script}\n${tag}\n`;
}

async function update(event) {
  if (!event || event.target.name === 'element' || event.target.name === 'lang') await fillIds();
  render();
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

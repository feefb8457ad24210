// Lists each element's API under its live example, read from custom-elements.json.
const KINDS = [
  ['attributes', 'Attributen', (a) => [a.name, a.type?.text ?? '', a.description ?? '']],
  ['slots', 'Slots', (s) => [s.name || '(standaard)', '', s.description ?? '']],
  ['cssParts', 'Parts (::part)', (p) => [p.name, '', p.description ?? '']],
  ['cssProperties', 'Custom properties', (p) => [p.name, p.default ?? '', p.description ?? '']],
  ['events', 'Events', (e) => [e.name, e.type?.text ?? '', e.description ?? '']],
];

function table(caption, rows) {
  const tableEl = document.createElement('table');
  const cap = document.createElement('caption');
  cap.textContent = caption;
  tableEl.append(cap);
  const head = tableEl.createTHead().insertRow();
  for (const title of ['Naam', 'Type / standaard', 'Beschrijving']) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = title;
    head.append(th);
  }
  const body = tableEl.createTBody();
  for (const cells of rows) {
    const row = body.insertRow();
    cells.forEach((text, i) => {
      const cell = row.insertCell();
      if (i === 0) {
        const code = document.createElement('code');
        code.textContent = text;
        cell.append(code);
      } else cell.textContent = text;
    });
  }
  return tableEl;
}

try {
  const manifest = await (await fetch('/custom-elements.json')).json();
  const declarations = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
  for (const section of document.querySelectorAll('section[data-element]')) {
    const declaration = declarations.find((d) => d.tagName === section.dataset.element);
    if (!declaration) continue;
    const summary = document.createElement('p');
    summary.textContent = declaration.summary ?? declaration.description ?? '';
    section.querySelector('h2').after(summary);
    for (const [key, title, row] of KINDS) {
      const entries = declaration[key] ?? [];
      if (entries.length) section.append(table(title, entries.map(row)));
    }
  }
} catch (error) {
  const message = document.createElement('p');
  message.setAttribute('role', 'alert');
  message.textContent = `De API-tabellen konden niet worden geladen (${error.message}).`;
  document.querySelector('main h1').after(message);
}

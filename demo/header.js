// The docs pages share one header and footer; writing them here keeps the pages short.
const LINKS = [
  ['/', 'Demo-artikel'],
  ['/gallery', 'Componenten'],
  ['/embed', 'Insluiten'],
  ['/studio', 'Pakketstudio'],
  ['/extension', 'Browserextensie'],
  ['/code', 'Voor ontwikkelaars'],
];

function link([href, label]) {
  const a = document.createElement('a');
  a.href = href;
  a.textContent = label;
  if (location.pathname.replace(/\.html$/, '') === href) a.setAttribute('aria-current', 'page');
  return a;
}

const header = document.querySelector('header.site-header .inner');
if (header) {
  const nav = document.createElement('nav');
  nav.className = 'site-nav';
  nav.setAttribute('aria-label', 'Hoofdmenu');
  const list = document.createElement('ul');
  for (const entry of LINKS) {
    const item = document.createElement('li');
    item.append(link(entry));
    list.append(item);
  }
  nav.append(list);
  header.append(nav);
}

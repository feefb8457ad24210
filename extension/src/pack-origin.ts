// Which site an organisation's pack address may be given access to. No browser APIs: tested on its own.

/**
 * The host permission a pack address needs: its one https site. URL parsing accepts "*" in a host
 * name, and "https://*\/pack.json" would ask for every site; such addresses, and any other than
 * plain https, get null.
 */
export function packOrigin(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !/^[a-z0-9.-]+$/.test(url.hostname)) return null;
  return `https://${url.hostname}/*`;
}

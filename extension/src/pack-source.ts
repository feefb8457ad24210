// Which pack the extension shows: the organisation's pack when one is set (validated, cached in
// the extension's IndexedDB, last good copy kept), otherwise the default pack shipped inside the
// extension, so it works offline from the first start.
import { loadPack, validatePack, type Pack } from '@netwerkkracht/core';
import { browser, uiLocale } from './platform.js';
import { getSettings, saveSettings } from './settings.js';

async function packagedPack(): Promise<Pack> {
  const response = await fetch(browser.runtime.getURL(`packs/${uiLocale()}.json`));
  const result = validatePack(await response.json());
  if (!result.ok) throw new Error('the packaged pack is damaged');
  return result.pack;
}

/**
 * The pack to show. With `refresh`, the organisation's pack is fetched again (the daily alarm and
 * the options page do that) and the outcome is written to `packStatus`. Without it nothing is
 * written: the panel renders again on every `packStatus` change, and a failing pack server would
 * otherwise keep it rendering, and fetching, for as long as it is open.
 */
export async function currentPack(refresh = false): Promise<Pack> {
  const { packUrl } = await getSettings();
  if (!packUrl) return packagedPack();
  try {
    const loaded = await loadPack(packUrl, { fresh: refresh });
    if (refresh) {
      await saveSettings({
        packStatus: { ok: !loaded.problem, message: loaded.problem?.message, tips: loaded.pack.tips.length, checked: new Date().toISOString() },
      });
    }
    return loaded.pack;
  } catch (error) {
    if (refresh) await saveSettings({ packStatus: { ok: false, message: (error as Error).message, checked: new Date().toISOString() } });
    return packagedPack();
  }
}

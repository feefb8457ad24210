// Which pack the extension shows: the organisation's pack when one is set (validated, cached in
// the extension's IndexedDB, last good copy kept), otherwise the default pack shipped inside the
// extension, so it works offline from the first start.
import { loadPack, PackLoadError, validatePack, type LoadedPack, type Pack, type PackProblemKind } from '@netwerkkracht/core';
import { browser, uiLocale } from './platform.js';
import { getSettings, saveSettings } from './settings.js';

/** Why the organisation's pack is not what is shown (`kept`: its last good copy is). */
export interface PackProblem {
  kind: PackProblemKind;
  detail: string;
  /** Core's English text, for the console and reports; pages say `kind` in their own language. */
  message: string;
  kept: boolean;
}

/** The pack to show, and what went wrong with the organisation's pack, if anything. */
export interface ShownPack {
  pack: Pack;
  problem?: PackProblem;
}

async function packagedPack(): Promise<Pack> {
  const response = await fetch(browser.runtime.getURL(`packs/${uiLocale()}.json`));
  const result = validatePack(await response.json());
  if (!result.ok) throw new Error('the packaged pack is damaged');
  return result.pack;
}

function problemOf(error: unknown, kept: boolean): PackProblem {
  if (error instanceof PackLoadError) return { kind: error.kind, detail: error.detail, message: error.message, kept };
  return { kind: 'other', detail: '', message: String((error as Error)?.message ?? error), kept };
}

/**
 * The pack to show and its problem. With `refresh`, the organisation's pack is fetched again (the
 * daily alarm and the options page do that) and the outcome is written to `packStatus`; `fresh`
 * alone asks the network again without writing. Without `refresh` nothing is written: the panel
 * loads again on every `packStatus` change, and a failing pack server would otherwise keep it
 * loading, and fetching, for as long as it is open.
 */
export async function shownPack({ refresh = false, fresh = refresh }: { refresh?: boolean; fresh?: boolean } = {}): Promise<ShownPack> {
  const { packUrl } = await getSettings();
  if (!packUrl) return { pack: await packagedPack() };
  let loaded: LoadedPack | undefined;
  let problem: PackProblem | undefined;
  try {
    loaded = await loadPack(packUrl, { fresh });
    problem = loaded.problem && problemOf(loaded.problem, true);
  } catch (error) {
    problem = problemOf(error, false);
  }
  if (refresh) {
    await saveSettings({
      packStatus: {
        url: packUrl,
        ok: !problem,
        message: problem?.message,
        kind: problem?.kind,
        detail: problem?.detail,
        tips: loaded?.pack.tips.length,
        checked: new Date().toISOString(),
      },
    });
  }
  return { pack: loaded?.pack ?? (await packagedPack()), problem };
}

/** The pack to show; see {@link shownPack}. */
export async function currentPack(refresh = false): Promise<Pack> {
  return (await shownPack({ refresh })).pack;
}

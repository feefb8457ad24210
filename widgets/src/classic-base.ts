// Imported first by the classic build: the elements already on the page upgrade (and ask for
// their pack) while the following imports run, so the pack location must be known before. Their
// packs are asked for here too, before the elements' code runs: otherwise each element first
// opens IndexedDB for its stored copy, which on a device that has none takes tens of
// milliseconds, and only then asks the network.
import { setDefaultPackBase } from '@netwerkkracht/components/config.js';
import { prefetchPagePacks } from './page-packs.js';

const script = document.currentScript as HTMLScriptElement | null;
const packs = new URL('./packs/', script?.src || document.baseURI);
setDefaultPackBase(packs);
prefetchPagePacks(packs);

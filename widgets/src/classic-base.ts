// Imported first by the classic build: the elements already on the page upgrade (and ask for
// their pack) while the following imports run, so the pack location must be known before.
import { setDefaultPackBase } from '@netwerkkracht/components/config.js';

const script = document.currentScript as HTMLScriptElement | null;
setDefaultPackBase(new URL('./packs/', script?.src || document.baseURI));

// The default packs live in `packs/` beside the loader, and this module is bundled into a chunk in
// `chunks/`: one folder up from here. Set here rather than in the loader, so that no chunk has to
// import the loader itself: with "netwerkkracht.js?v=2" on the page that would be a second URL,
// and a second copy of the loader would run.
import { setDefaultPackBase } from '@netwerkkracht/components/config.js';

setDefaultPackBase(new URL('../packs/', import.meta.url));

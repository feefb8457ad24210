// <nk-network-checklist> as the loader loads it: the default pack location first, then the element.
import '../pack-base.js';
import '../../../packages/components/src/nk-network-checklist/nk-network-checklist.js';

// <nk-network-checklist> as the loader loads it: the default pack location first, then the element.
import '../pack-base.js';
import '@netwerkkracht/components/nk-network-checklist.js';

// <nk-tip-card> as the loader loads it: the default pack location first, then the element.
import '../pack-base.js';
import '@netwerkkracht/components/nk-tip-card.js';

// <nk-tip-deck> as the loader loads it: the default pack location first, then the element.
import '../pack-base.js';
import '../../../packages/components/src/nk-tip-deck/nk-tip-deck.js';

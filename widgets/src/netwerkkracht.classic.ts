// The classic-script build for CMSs that only allow `<script src>` (no type="module"): every
// element in one file, defined at once. The default packs are found beside this script.
import './classic-base.js';
import '../../packages/components/src/nk-tip-card/nk-tip-card.js';
import '../../packages/components/src/nk-contact-card/nk-contact-card.js';
import '../../packages/components/src/nk-network-checklist/nk-network-checklist.js';
import '../../packages/components/src/nk-tip-deck/nk-tip-deck.js';

// The classic-script build for CMSs that only allow `<script src>` (no type="module"): every
// element in one file, defined at once. The default packs are found beside this script.
import './classic-base.js';
import '@netwerkkracht/components/nk-tip-card.js';
import '@netwerkkracht/components/nk-contact-card.js';
import '@netwerkkracht/components/nk-network-checklist.js';
import '@netwerkkracht/components/nk-tip-deck.js';

// The favourites store in a chunk of its own: an element shows its tips first and reads which are
// favourites after, so the store is not among the code a page needs before a tip is readable.
export { sharedFavourites } from '@netwerkkracht/core';

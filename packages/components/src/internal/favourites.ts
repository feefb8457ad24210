// The favourites store, loaded apart: a tip card shows its tip first and reads whether it is a
// favourite after, so the store is not among the code a page needs before the tip is readable.
export { sharedFavourites } from '@netwerkkracht/core';

// Typed JSX for the nk- tags in React 19: `import type {} from '@netwerkkracht/components/react.js'`
// once in the app. React 19 sets a prop as a property when the element has one, so `packData` and
// `headingLevel` work as written, and `onnk-…` props listen to the elements' events. The contact
// card's job title is `jobTitle`; `role` is the ARIA role of HTMLAttributes, as on any element.
import type { HTMLAttributes, RefAttributes } from 'react';
import type { LitElement } from 'lit';
import type {
  ChecklistResetDetail,
  ContactSaveDetail,
  CopyDetail,
  ExportDetail,
  FavouriteChangeDetail,
  FilterChangeDetail,
  NkContactCard,
  NkNetworkChecklist,
  NkTipCard,
  NkTipDeck,
  PackErrorDetail,
  PackLoadDetail,
  ProgressChangeDetail,
  ShareDetail,
} from './classes.js';

/** The element's own public fields, each optional; methods and LitElement's members left out. */
type Fields<E> = {
  [K in Exclude<keyof E, keyof LitElement> as E[K] extends (...args: never[]) => unknown ? never : K]?: E[K];
};

type Handler<D> = (event: CustomEvent<D>) => void;

interface PackEvents {
  'onnk-pack-load'?: Handler<PackLoadDetail>;
  'onnk-pack-error'?: Handler<PackErrorDetail>;
}

type Props<E, Events> = Omit<HTMLAttributes<E>, keyof Fields<E>> & RefAttributes<E> & Fields<E> & PackEvents & Events;

/** Props of each nk- element in JSX. */
export interface NkIntrinsicElements {
  'nk-tip-card': Props<
    NkTipCard,
    { 'onnk-share'?: Handler<ShareDetail>; 'onnk-favourite-change'?: Handler<FavouriteChangeDetail>; 'onnk-copy'?: Handler<CopyDetail> }
  >;
  'nk-contact-card': Props<NkContactCard, { 'onnk-contact-save'?: Handler<ContactSaveDetail>; 'onnk-copy'?: Handler<CopyDetail> }>;
  'nk-network-checklist': Props<
    NkNetworkChecklist,
    {
      'onnk-progress-change'?: Handler<ProgressChangeDetail>;
      'onnk-checklist-reset'?: Handler<ChecklistResetDetail>;
      'onnk-export'?: Handler<ExportDetail>;
      'onnk-copy'?: Handler<CopyDetail>;
    }
  >;
  'nk-tip-deck': Props<NkTipDeck, { 'onnk-filter-change'?: Handler<FilterChangeDetail>; 'onnk-favourite-change'?: Handler<FavouriteChangeDetail> }>;
}

declare module 'react' {
  namespace JSX {
    interface IntrinsicElements extends NkIntrinsicElements {}
  }
}

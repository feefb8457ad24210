// Core's pack problems in the page's own language: core says them in English, with a kind and the
// detail to fill in, so that an interface need not put English inside its own sentences.
import type { PackProblemKind } from '@netwerkkracht/core';
import { msg } from './platform.js';

const KEYS: Record<PackProblemKind, string> = {
  address: 'packProblemAddress',
  timeout: 'packProblemTimeout',
  network: 'packProblemNetwork',
  status: 'packProblemStatus',
  'too-large': 'packProblemTooLarge',
  encoding: 'packProblemEncoding',
  invalid: 'packProblemInvalid',
  // The extension loads pack URLs only; a `#id` names a block in a web page.
  missing: 'packProblemAddress',
  other: 'packProblemOther',
};

/** Why a pack could not be loaded, as a phrase for the page's sentences. */
export function packProblemText(problem: { kind?: PackProblemKind; detail?: string }): string {
  // A status written by an earlier version has no kind: its English message is not shown.
  const key = (problem.kind && Object.hasOwn(KEYS, problem.kind) && KEYS[problem.kind]) || KEYS.other;
  return msg(key, problem.detail ?? '');
}

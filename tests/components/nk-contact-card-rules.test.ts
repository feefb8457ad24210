import { expect, fixture, html } from '@open-wc/testing';
import { validatePack } from '@netwerkkracht/core';
import '../../packages/components/src/nk-contact-card/nk-contact-card.js';
import { validPack } from '../fixtures/pack.js';
import { $, until } from './harness.js';

const PHONES = [
  '+31 20 123 4567',
  '+31 (0)20 123 45 67',
  '020-1234567',
  // 24 characters, 21 digits: a pack may have it.
  '+312012345678901234567 8',
  // 25 and 30 characters: no pack may have them.
  '+31 (0)20 - 123 - 45 - 67',
  '+31 (0) 20 - 123 - 45 - 67 - 8',
  '12 345',
  '(((( ))))',
  '+31 20 CALL NOW',
];
const EMAILS = [
  'anna@example.org',
  'a.b@sub.example.org',
  'a@example.org?cc=b@example.org',
  'not an address',
  'a@b',
  `${'a'.repeat(250)}@b.nl`,
  `${'a'.repeat(251)}@b.nl`,
];

/** Whether the validator accepts a pack whose first contact has `field` set to `value`. */
async function packAccepts(field: 'phone' | 'email', value: string): Promise<boolean> {
  const pack = await validPack();
  pack.contacts![0]![field] = value;
  return validatePack(pack).ok;
}

/** Whether the contact card makes a link of `value` given as its `field` attribute. */
async function cardLinks(field: 'phone' | 'email', value: string): Promise<boolean> {
  const el = await fixture(
    html`<nk-contact-card lang="en" name="Anna" phone=${field === 'phone' ? value : ''} email=${field === 'email' ? value : ''}></nk-contact-card>`,
  );
  await until(() => $(el, '[part~=base]'), 'the card renders');
  return $(el, field === 'phone' ? 'a[part=call]' : 'a[part=mail]') !== null;
}

describe('<nk-contact-card> and the pack validator', () => {
  describe('when given a phone number', () => {
    it('links exactly the numbers a pack may have', async () => {
      for (const phone of PHONES) expect(await cardLinks('phone', phone), phone).to.equal(await packAccepts('phone', phone));
    });
  });

  describe('when given an e-mail address', () => {
    it('links exactly the addresses a pack may have', async () => {
      for (const email of EMAILS) expect(await cardLinks('email', email), email).to.equal(await packAccepts('email', email));
    });
  });
});

// How a contact's e-mail address and phone number must look. The pack schema refuses a pack whose
// contact breaks them, and the contact card makes a link only of what meets them, so that what a
// pack validator accepts is exactly what a card can call or mail.

/** The longest e-mail address (in characters, as JSON Schema counts them). */
export const EMAIL_MAX_LENGTH = 254;

/**
 * An e-mail address: dot-separated labels (no class that also matches "."), so a megabyte of dots
 * fails in linear time, not quadratic; no "?", "#" or "%", which would add headers (bcc, cc) to the
 * mailto: link.
 */
export const EMAIL_PATTERN = /^[^\s@<>()[\]"',;:\\?#%]+@(?:[^\s@<>()[\]"',;:\\?#%.]+\.)+[^\s@<>()[\]"',;:\\?#%.]+$/;

/** A phone number as people write it: digits, spaces and + ( ) . / -, 6 to 24 characters. */
export const PHONE_PATTERN = /^\+?[0-9 ()./-]{6,24}$/;

/** At least six digits, so that "(((( ))))" is no phone number. */
export const PHONE_DIGITS_PATTERN = /^(?=(?:\D*\d){6})/;

/** Whether `value` is an e-mail address a contact may have. */
export function isEmailAddress(value: string): boolean {
  // Code points, not UTF-16 units: the spread only runs when the units are over the limit.
  if (value.length > EMAIL_MAX_LENGTH && (value.length > 2 * EMAIL_MAX_LENGTH || [...value].length > EMAIL_MAX_LENGTH)) return false;
  return EMAIL_PATTERN.test(value);
}

/** Whether `value` is a phone number a contact may have. */
export function isPhoneNumber(value: string): boolean {
  return PHONE_PATTERN.test(value) && PHONE_DIGITS_PATTERN.test(value);
}

/**
 * The number to dial for a phone number as written (`+31 (0)20 123` → `+3120123`), or undefined
 * when it is not a phone number. "(0)" is written for people at home and must not be dialled from
 * abroad.
 */
export function dialNumber(value: string): string | undefined {
  return isPhoneNumber(value) ? value.replace(/\(0\)/g, '').replace(/[^\d+]/g, '') : undefined;
}

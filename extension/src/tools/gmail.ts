import type { Tool } from './tool.js';

/** Gmail. */
export const gmail: Tool = {
  id: 'gmail',
  label: 'toolGmail',
  origins: ['https://mail.google.com/*'],
};
// Try on: https://mail.google.com/mail/u/0/#inbox

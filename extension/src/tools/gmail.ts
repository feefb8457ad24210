import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Gmail. */
export const gmail: Tool = {
  id: 'gmail',
  label: 'toolGmail',
  origins: TOOL_ORIGINS.gmail,
};
// Try on: https://mail.google.com/mail/u/0/#inbox

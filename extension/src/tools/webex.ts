import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Webex meetings in the browser, on the organisation's own Webex site or web.webex.com. */
export const webex: Tool = {
  id: 'webex',
  label: 'toolWebex',
  origins: TOOL_ORIGINS.webex,
};
// Try on: https://web.webex.com/meetings, https://<site>.webex.com/meet/<name>

import { gmail } from './gmail.js';
import { googleCalendar } from './google-calendar.js';
import { googleMeet } from './google-meet.js';
import { ALL_TOOL_ORIGINS } from './origins.js';
import { outlook } from './outlook.js';
import { teams } from './teams.js';
import type { Tool, ToolId } from './tool.js';
import { webex } from './webex.js';
import { zoom } from './zoom.js';

export type { Tool, ToolId } from './tool.js';
export { ALL_TOOL_ORIGINS };

/** One tool per id of origins.js: the compiler refuses a tool missing here, or one too many. */
const BY_ID = {
  outlook,
  'google-calendar': googleCalendar,
  gmail,
  teams,
  'google-meet': googleMeet,
  zoom,
  webex,
} satisfies Record<ToolId, Tool>;

/** Every tool the options page offers, in the order shown. */
export const TOOLS: readonly Tool[] = Object.values(BY_ID);

/**
 * Whether `address` is on a site that the match pattern `pattern` covers (scheme and host; tool
 * patterns take every path). A `*.` host covers the domain itself and its subdomains.
 */
export function patternCovers(pattern: string, address: string): boolean {
  const match = /^(https?):\/\/(\*\.)?([^/*]+)\//.exec(pattern);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return false;
  }
  if (!match || url.protocol !== `${match[1]}:`) return false;
  const [, , wildcard, host] = match;
  return url.hostname === host || (wildcard !== undefined && url.hostname.endsWith(`.${host}`));
}

/** Whether `address` is on the site of any tool. */
export const onToolSite = (address: string): boolean => ALL_TOOL_ORIGINS.some((pattern) => patternCovers(pattern, address));

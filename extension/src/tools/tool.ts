import type { TOOL_ORIGINS } from './origins.js';

/** A tool's id: a key of TOOL_ORIGINS in origins.js, where its sites are listed. */
export type ToolId = keyof typeof TOOL_ORIGINS;

/** A web tool the launcher can sit beside. Host access is asked for exactly `origins`. */
export interface Tool {
  id: ToolId;
  /** Message name in _locales for the tool's label. */
  label: string;
  /** Match patterns, e.g. `https://outlook.office.com/*`, from origins.js. */
  origins: readonly string[];
}

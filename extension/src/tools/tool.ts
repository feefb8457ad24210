/** A web tool the launcher can sit beside. Host access is asked for exactly `origins`. */
export interface Tool {
  id: string;
  /** Message name in _locales for the tool's label. */
  label: string;
  /** Match patterns, e.g. `https://outlook.office.com/*`. */
  origins: string[];
}

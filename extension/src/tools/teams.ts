import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Microsoft Teams on the web, work (microsoft.com, cloud.microsoft) and personal. */
export const teams: Tool = {
  id: 'teams',
  label: 'toolTeams',
  origins: TOOL_ORIGINS.teams,
};
// Try on: https://teams.cloud.microsoft/, https://teams.microsoft.com/v2/

import type { Tool } from './tool.js';

/** Microsoft Teams on the web, work and personal. */
export const teams: Tool = {
  id: 'teams',
  label: 'toolTeams',
  origins: ['https://teams.microsoft.com/*', 'https://teams.live.com/*'],
};
// Try on: https://teams.microsoft.com/v2/

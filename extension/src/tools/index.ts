import { gmail } from './gmail.js';
import { googleCalendar } from './google-calendar.js';
import { outlook } from './outlook.js';
import { teams } from './teams.js';

export type { Tool } from './tool.js';

/** Every tool the options page offers, in the order shown. */
export const TOOLS = [outlook, googleCalendar, gmail, teams];

/** All match patterns of all tools. */
export const ALL_TOOL_ORIGINS = TOOLS.flatMap((tool) => tool.origins);

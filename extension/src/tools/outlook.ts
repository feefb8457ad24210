import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Outlook on the web: mail and calendar, work and personal accounts. */
export const outlook: Tool = {
  id: 'outlook',
  label: 'toolOutlook',
  origins: TOOL_ORIGINS.outlook,
};
// Try on: https://outlook.office.com/calendar/view/week, https://outlook.office.com/mail/

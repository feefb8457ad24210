import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Outlook on the web: mail and calendar, work accounts (office.com, office365.com, cloud.microsoft) and personal. */
export const outlook: Tool = {
  id: 'outlook',
  label: 'toolOutlook',
  origins: TOOL_ORIGINS.outlook,
};
// Try on: https://outlook.cloud.microsoft/calendar/view/week, https://outlook.office.com/mail/,
// https://outlook.office365.com/mail/

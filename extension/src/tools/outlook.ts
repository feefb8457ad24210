import type { Tool } from './tool.js';

/** Outlook on the web: mail and calendar, work and personal accounts. */
export const outlook: Tool = {
  id: 'outlook',
  label: 'toolOutlook',
  origins: ['https://outlook.office.com/*', 'https://outlook.live.com/*'],
};
// Try on: https://outlook.office.com/calendar/view/week, https://outlook.office.com/mail/

import type { Tool } from './tool.js';

/** Google Calendar. */
export const googleCalendar: Tool = {
  id: 'google-calendar',
  label: 'toolGoogleCalendar',
  origins: ['https://calendar.google.com/*'],
};
// Try on: https://calendar.google.com/calendar/u/0/r/week

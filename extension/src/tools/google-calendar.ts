import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Google Calendar. */
export const googleCalendar: Tool = {
  id: 'google-calendar',
  label: 'toolGoogleCalendar',
  origins: TOOL_ORIGINS['google-calendar'],
};
// Try on: https://calendar.google.com/calendar/u/0/r/week

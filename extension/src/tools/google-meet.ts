import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Google Meet: video calls in the browser. */
export const googleMeet: Tool = {
  id: 'google-meet',
  label: 'toolGoogleMeet',
  origins: TOOL_ORIGINS['google-meet'],
};
// Try on: https://meet.google.com/landing, https://meet.google.com/abc-defg-hij

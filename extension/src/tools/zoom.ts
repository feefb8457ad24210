import { TOOL_ORIGINS } from './origins.js';
import type { Tool } from './tool.js';

/** Zoom's web client (meetings in the browser, without the Zoom app). */
export const zoom: Tool = {
  id: 'zoom',
  label: 'toolZoom',
  origins: TOOL_ORIGINS.zoom,
};
// Try on: https://app.zoom.us/wc/home, https://app.zoom.us/wc/<meeting id>/join,
// https://us02web.zoom.us/wc/join/<meeting id>

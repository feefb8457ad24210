export * from './nk-studio.js';
export * from './preview.js';

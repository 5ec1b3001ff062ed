// Helpers shared by the web app's unit tests (never imported by the app itself).
export * from './dialog';
export * from './dom';
export * from './fixtures';
export * from './settle';

export * from './picklists.ts';
export * from './platform.ts';

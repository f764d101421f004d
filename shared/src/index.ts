export * from './picklists.ts';
export * from './platform.ts';
export * from './cases.ts';
export * from './plans.ts';
export * from './analytics.ts';

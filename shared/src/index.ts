export * from './access.ts';
export * from './country.ts';
export * from './platform.ts';

import type { importsEn } from './imports.en.ts';

/** Swahili messages of imports of CTDC files and HTCDS workbooks. */
export const importsSw: Record<keyof typeof importsEn, string> = {
  'imports.title': 'Uingizaji wa data',
};

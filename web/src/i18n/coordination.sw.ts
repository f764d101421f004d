import type { coordinationEn } from './coordination.en.ts';

/** Swahili messages of the coordination pages. */
export const coordinationSw: Record<keyof typeof coordinationEn, string> = {
  'coordination.placeholder': 'Coordination',
};

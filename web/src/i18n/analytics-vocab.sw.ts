import type { analyticsVocabEn } from './analytics-vocab.en.ts';

/** Swahili messages of the CTDC vocabulary of analytics (labels of every dimension's keys). */
export const analyticsVocabSw: Record<keyof typeof analyticsVocabEn, string> = {};

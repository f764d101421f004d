/** English messages of the CTDC vocabulary of analytics (labels of every dimension's keys). */
export const analyticsVocabEn = {};

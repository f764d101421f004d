/**
 * Wording of the generated documents in English and Swahili, and the formats of dates,
 * numbers and amounts. Vocabulary labels (pillars, statuses, frequencies …) are the web
 * app's own catalogues, imported so a document names things exactly as the pages do.
 */
import { plansVocabEn } from '../../../../web/src/i18n/plans-vocab.en.ts';
import { plansVocabSw } from '../../../../web/src/i18n/plans-vocab.sw.ts';
import type { DocumentLanguage, DocumentModel } from './model.ts';

const en = {
  'doc.generatedOn': 'Generated on {date}',
  'doc.pageOf': 'Page {page} of {pages}',
  'doc.chartNumber': 'No.',
  'doc.chartCategory': 'Item',
  'doc.national': 'National',
  'doc.dash': '–',

  'plan.footer': 'Kinga · Plan of action, version {number}',
  'plan.period': 'Period {start}–{end}',
  'plan.version': 'Version {number}: {status}',
  'plan.basedOn': 'Drafted from version {number}',
  'plan.summary': 'About this version',
  'plan.currency': 'Currency',
  'plan.reportingFrequency': 'Progress reports',
  'plan.updatedAt': 'Last changed',
  'plan.totalBudget': 'Total budget',
  'plan.workflow': 'Workflow',
  'plan.step.date': 'Date',
  'plan.step.step': 'Step',
  'plan.step.by': 'By',
  'plan.step.decision': 'Decision',
  'plan.step.note': 'Note',
  'plan.noSteps': 'No step recorded.',
  'plan.noPillars': 'This version has no pillars yet.',
  'plan.objectives': 'Objectives',
  'plan.noObjectives': 'No objectives.',
  'plan.activities': 'Activities',
  'plan.noActivities': 'No activities.',
  'plan.indicators': 'Indicators',
  'plan.noIndicators': 'No indicators.',
  'plan.col.number': 'No.',
  'plan.col.objective': 'Objective',
  'plan.col.description': 'Description',
  'plan.col.activity': 'Activity',
  'plan.col.lead': 'Lead agency',
  'plan.col.counties': 'Counties',
  'plan.col.dates': 'Start–end',
  'plan.col.budget': 'Budget ({currency})',
  'plan.col.indicator': 'Indicator',
  'plan.col.unit': 'Unit',
  'plan.col.baseline': 'Baseline',
  'plan.col.targets': 'Targets',
  'plan.col.frequency': 'Frequency',
  'plan.col.verification': 'Means of verification',
  'plan.col.source': 'Source',

  'report.footer': 'Kinga · Progress report {period}',
  'report.subtitle': 'Progress report for {period}',
  'report.versionInForce': 'Version {number} in force',
  'report.dates': '{start} to {end}; reports due {due}',
  'report.overview': 'Overview',
  'report.chart.statusByPillar': 'Activities by status, per pillar',
  'report.chart.indicators': 'Indicators: progress towards the {year} targets (dashed line: target reached)',
  'report.chart.budget': 'Budget by year ({currency})',
  'report.noChartData': 'Nothing to show yet.',
  'report.target': 'Target',
  'report.actual': 'Actual',
  'report.indicators': 'Indicators',
  'report.noIndicators': 'No indicators.',
  'report.col.number': 'No.',
  'report.col.indicator': 'Indicator',
  'report.col.unit': 'Unit',
  'report.col.year': 'Year',
  'report.col.target': 'Target',
  'report.col.actual': 'Actual',
  'report.col.progress': 'Progress',
  'report.col.status': 'Status',
  'report.late': 'Late activities',
  'report.noLate': 'No activity is late.',
  'report.col.activity': 'Activity',
  'report.col.lead': 'Lead agency',
  'report.col.endDate': 'Due to end',
  'report.missing': 'Missing reports',
  'report.noMissing': 'No report is missing.',
  'report.col.agency': 'Agency',
  'report.col.periods': 'Periods not reported',
  'report.agencies': 'Reports of the agencies',
  'report.noReports': 'No agency leads an activity in this period.',
  'report.status': 'Report',
  'report.notStarted': 'Not started',
  'report.submitted': 'Submitted',
  'report.reviewed': 'Reviewed',
  'report.reviewComment': 'Review comment',
  'report.byOn': '{date} by {name}',
  'report.noEntries': 'No activities.',
  'report.col.narrative': 'What was done',

  'minutes.footer': 'Kinga · Minutes',
  'minutes.kind': 'Meeting',
  'minutes.date': 'Date',
  'minutes.time': 'Time',
  'minutes.place': 'Place',
  'minutes.link': 'Online',
  'minutes.status': 'Status',
  'minutes.attendance': 'Attendance',
  'minutes.noAttendees': 'No attendance recorded.',
  'minutes.col.name': 'Name',
  'minutes.col.agency': 'Agency',
  'minutes.col.attendance': 'Attendance',
  'minutes.agenda': 'Agenda',
  'minutes.noAgenda': 'No agenda recorded.',
  'minutes.minutes': 'Minutes',
  'minutes.noMinutes': 'No minutes recorded.',
  'minutes.decisions': 'Decisions',
  'minutes.noDecisions': 'No decisions recorded.',
  'minutes.col.number': 'No.',
  'minutes.col.decision': 'Decision',
  'minutes.actionItems': 'Action items',
  'minutes.noActionItems': 'No action items.',
  'minutes.col.action': 'Action',
  'minutes.col.owner': 'Owner',
  'minutes.col.due': 'Due',
  'minutes.col.status': 'Status',
};

const sw: Record<keyof typeof en, string> = {
  'doc.generatedOn': 'Imetolewa tarehe {date}',
  'doc.pageOf': 'Ukurasa {page} kati ya {pages}',
  'doc.chartNumber': 'Na.',
  'doc.chartCategory': 'Kipengele',
  'doc.national': 'Kitaifa',
  'doc.dash': '–',

  'plan.footer': 'Kinga · Mpango kazi, toleo la {number}',
  'plan.period': 'Kipindi {start}–{end}',
  'plan.version': 'Toleo la {number}: {status}',
  'plan.basedOn': 'Limeandaliwa kutoka toleo la {number}',
  'plan.summary': 'Kuhusu toleo hili',
  'plan.currency': 'Sarafu',
  'plan.reportingFrequency': 'Ripoti za maendeleo',
  'plan.updatedAt': 'Lilibadilishwa mwisho',
  'plan.totalBudget': 'Jumla ya bajeti',
  'plan.workflow': 'Hatua za uidhinishaji',
  'plan.step.date': 'Tarehe',
  'plan.step.step': 'Hatua',
  'plan.step.by': 'Na',
  'plan.step.decision': 'Uamuzi',
  'plan.step.note': 'Maelezo',
  'plan.noSteps': 'Hakuna hatua iliyorekodiwa.',
  'plan.noPillars': 'Toleo hili halina nguzo bado.',
  'plan.objectives': 'Malengo',
  'plan.noObjectives': 'Hakuna malengo.',
  'plan.activities': 'Shughuli',
  'plan.noActivities': 'Hakuna shughuli.',
  'plan.indicators': 'Viashiria',
  'plan.noIndicators': 'Hakuna viashiria.',
  'plan.col.number': 'Na.',
  'plan.col.objective': 'Lengo',
  'plan.col.description': 'Maelezo',
  'plan.col.activity': 'Shughuli',
  'plan.col.lead': 'Taasisi kiongozi',
  'plan.col.counties': 'Kaunti',
  'plan.col.dates': 'Mwanzo–mwisho',
  'plan.col.budget': 'Bajeti ({currency})',
  'plan.col.indicator': 'Kiashiria',
  'plan.col.unit': 'Kipimo',
  'plan.col.baseline': 'Kiwango cha msingi',
  'plan.col.targets': 'Malengo',
  'plan.col.frequency': 'Marudio',
  'plan.col.verification': 'Njia ya uthibitisho',
  'plan.col.source': 'Chanzo',

  'report.footer': 'Kinga · Ripoti ya maendeleo {period}',
  'report.subtitle': 'Ripoti ya maendeleo ya {period}',
  'report.versionInForce': 'Toleo la {number} linalotumika',
  'report.dates': '{start} hadi {end}; ripoti zinatakiwa {due}',
  'report.overview': 'Muhtasari',
  'report.chart.statusByPillar': 'Shughuli kwa hali, katika kila nguzo',
  'report.chart.indicators': 'Viashiria: maendeleo kuelekea malengo ya {year} (mstari wa vistari: lengo limefikiwa)',
  'report.chart.budget': 'Bajeti kwa mwaka ({currency})',
  'report.noChartData': 'Hakuna cha kuonyesha bado.',
  'report.target': 'Lengo',
  'report.actual': 'Halisi',
  'report.indicators': 'Viashiria',
  'report.noIndicators': 'Hakuna viashiria.',
  'report.col.number': 'Na.',
  'report.col.indicator': 'Kiashiria',
  'report.col.unit': 'Kipimo',
  'report.col.year': 'Mwaka',
  'report.col.target': 'Lengo',
  'report.col.actual': 'Halisi',
  'report.col.progress': 'Maendeleo',
  'report.col.status': 'Hali',
  'report.late': 'Shughuli zilizochelewa',
  'report.noLate': 'Hakuna shughuli iliyochelewa.',
  'report.col.activity': 'Shughuli',
  'report.col.lead': 'Taasisi kiongozi',
  'report.col.endDate': 'Mwisho uliopangwa',
  'report.missing': 'Ripoti ambazo hazijawasilishwa',
  'report.noMissing': 'Hakuna ripoti inayokosekana.',
  'report.col.agency': 'Taasisi',
  'report.col.periods': 'Vipindi visivyoripotiwa',
  'report.agencies': 'Ripoti za taasisi',
  'report.noReports': 'Hakuna taasisi inayoongoza shughuli katika kipindi hiki.',
  'report.status': 'Ripoti',
  'report.notStarted': 'Haijaanzishwa',
  'report.submitted': 'Iliwasilishwa',
  'report.reviewed': 'Ilikaguliwa',
  'report.reviewComment': 'Maoni ya ukaguzi',
  'report.byOn': '{date} na {name}',
  'report.noEntries': 'Hakuna shughuli.',
  'report.col.narrative': 'Kilichofanyika',

  'minutes.footer': 'Kinga · Kumbukumbu za kikao',
  'minutes.kind': 'Kikao',
  'minutes.date': 'Tarehe',
  'minutes.time': 'Muda',
  'minutes.place': 'Mahali',
  'minutes.link': 'Mtandaoni',
  'minutes.status': 'Hali',
  'minutes.attendance': 'Mahudhurio',
  'minutes.noAttendees': 'Hakuna mahudhurio yaliyorekodiwa.',
  'minutes.col.name': 'Jina',
  'minutes.col.agency': 'Taasisi',
  'minutes.col.attendance': 'Mahudhurio',
  'minutes.agenda': 'Ajenda',
  'minutes.noAgenda': 'Hakuna ajenda iliyorekodiwa.',
  'minutes.minutes': 'Kumbukumbu',
  'minutes.noMinutes': 'Hakuna kumbukumbu zilizorekodiwa.',
  'minutes.decisions': 'Maamuzi',
  'minutes.noDecisions': 'Hakuna maamuzi yaliyorekodiwa.',
  'minutes.col.number': 'Na.',
  'minutes.col.decision': 'Uamuzi',
  'minutes.actionItems': 'Hatua za kuchukuliwa',
  'minutes.noActionItems': 'Hakuna hatua za kuchukuliwa.',
  'minutes.col.action': 'Hatua',
  'minutes.col.owner': 'Mhusika',
  'minutes.col.due': 'Tarehe ya mwisho',
  'minutes.col.status': 'Hali',
};

export type DocumentLabelKey = keyof typeof en;
export type VocabKey = keyof typeof plansVocabEn;

/** Time zones of the country profiles: times in documents are shown as local time there. */
const TIME_ZONES: Record<string, string> = { KE: 'Africa/Nairobi' };

/** Translations and formats of one document language. */
export interface DocumentLabels {
  lang: DocumentLanguage;
  t: (key: DocumentLabelKey, values?: Record<string, string | number>) => string;
  /** The label of a vocabulary code (`pillar`, `prevention`), or the code itself when it has none. */
  vocab: (list: string, code: string) => string;
  /** `2026-03-14` or an ISO time → `14 March 2026` / `14 Machi 2026`. */
  date: (value: string) => string;
  /** The same, shorter: `14 Mar 2026` / `14 Mac 2026`. */
  shortDate: (value: string) => string;
  /** An ISO time → `14:30` in the country's time zone. */
  time: (value: string) => string;
  number: (value: number) => string;
  /** A whole amount, e.g. `1,250,000`. */
  amount: (value: number) => string;
}

/** The labels of a document language; `country` picks the time zone of dates and times. */
export function documentLabels(lang: DocumentLanguage, country: string): DocumentLabels {
  const catalogue = lang === 'sw' ? sw : en;
  const vocabulary: Record<string, string> = lang === 'sw' ? plansVocabSw : plansVocabEn;
  const locale = lang === 'sw' ? 'sw-KE' : 'en-GB';
  const timeZone = TIME_ZONES[country] ?? 'UTC';
  const formats = (dateStyle: 'long' | 'medium') => ({
    // A bare date is a calendar day, not an instant: it is formatted as is, without shifting zones.
    day: new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' }),
    instant: new Intl.DateTimeFormat(locale, { dateStyle, timeZone }),
  });
  const formatDate = (value: string, style: ReturnType<typeof formats>) => {
    const day = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const parsed = new Date(day ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(parsed.getTime())) return value;
    return (day ? style.day : style.instant).format(parsed);
  };
  const long = formats('long');
  const medium = formats('medium');
  const timeFormat = new Intl.DateTimeFormat(locale, {
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  const numberFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const amountFormat = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  return {
    lang,
    t: (key, values = {}) =>
      catalogue[key].replace(/\{(\w+)\}/g, (whole, name: string) => String(values[name] ?? whole)),
    vocab: (list, code) => vocabulary[`${list}.${code}`] ?? code,
    date: (value) => formatDate(value, long),
    shortDate: (value) => formatDate(value, medium),
    time: (value) => {
      const parsed = new Date(value);
      return Number.isNaN(parsed.getTime()) ? value : timeFormat.format(parsed);
    },
    number: (value) => numberFormat.format(value),
    amount: (value) => amountFormat.format(value),
  };
}

/** The parts of a document that every builder fills in the same way: language, furniture and the generation date. */
export function documentFrame(
  labels: DocumentLabels,
  fields: Pick<DocumentModel, 'title' | 'subtitle' | 'footer' | 'orientation' | 'blocks'>,
  generatedAt: string,
): DocumentModel {
  return {
    ...fields,
    lang: labels.lang,
    generatedLine: labels.t('doc.generatedOn', { date: labels.date(generatedAt) }),
    furniture: {
      pageOf: (page, pages) => labels.t('doc.pageOf', { page, pages }),
      chartNumberHeader: labels.t('doc.chartNumber'),
      chartCategoryHeader: labels.t('doc.chartCategory'),
    },
  };
}

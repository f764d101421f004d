/** English messages of the public statistics page and the statistics settings. */
export const publicStatsEn = {
  'publicStats.title': 'National statistics',
  'publicStats.intro':
    'Victims of human trafficking identified in Kenya: from case records (only where the victim agreed to be counted) and from counter-trafficking data shared in the CTDC format. No figure on this page identifies a person.',
  'publicStats.protectionTitle': 'Small numbers are hidden.',
  'publicStats.protection':
    'To protect victims, counts below {k} are hidden, and some other cells too, so hidden ones cannot be worked out from the totals. Hidden figures show as “< {k}”. On this page: {count} hidden.',
  'publicStats.signInLink': 'National statistics, open to everyone',
  'publicStats.headerLink': 'Statistics',
  'publicStats.signIn': 'Partner staff: sign in',
  'publicStats.period': 'Period',
  'publicStats.reset': 'All years',
  'publicStats.figures': 'Key figures',
  'publicStats.figure.total': 'Victims recorded',
  'publicStats.figure.female': 'Women and girls',
  'publicStats.figure.male': 'Men and boys',
  'publicStats.figure.topForm': 'Most frequent form of exploitation',
  'publicStats.figure.none': 'None recorded',
  'publicStats.empty': 'No victims are recorded for this period.',
  'publicStats.section.trends': 'Over time',
  'publicStats.section.victims': 'Who the victims are',
  'publicStats.section.exploitation': 'How they were exploited',
  'publicStats.section.countries': 'Where they come from and where they were exploited',
  'publicStats.table.byYear': 'Victims by year of registration',
  'publicStats.table.genderAge': 'Victims by age and sex',
  'publicStats.table.gender': 'Victims by sex',
  'publicStats.table.ageBand': 'Victims by age',
  'publicStats.table.exploitation': 'Forms of exploitation',
  'publicStats.table.citizenship': 'Citizenship of victims (up to {count} most frequent)',
  'publicStats.table.countryOfExploitation': 'Countries of exploitation (up to {count} most frequent)',
  'publicStats.topNote': 'Hidden and less frequent countries are not listed.',
  'publicStats.source':
    'Counts follow the categories of the Counter Trafficking Data Collaborative (CTDC). A victim exploited in several forms counts under each.',

  'statSettings.title': 'Statistics settings',
  'statSettings.intro':
    'Everyone without access to case records, including the public, sees statistics with small numbers hidden. Choose the smallest number shown.',
  'statSettings.k': 'Smallest number shown (k)',
  'statSettings.kHint':
    'A whole number from 2 to 100. CTDC publishes with 11. A larger number protects people better but hides more figures.',
  'statSettings.kInvalid': 'Enter a whole number from 2 to 100.',
  'statSettings.saved': 'Saved: counts below {k} are now hidden.',
  'statSettings.publicPage': 'See the public statistics page',
  'statSettings.back': 'Back to analytics',
};

import type { publicStatsEn } from './public-stats.en.ts';

/** Swahili messages of the public statistics page and the statistics settings. */
export const publicStatsSw: Record<keyof typeof publicStatsEn, string> = {
  'publicStats.title': 'Takwimu za kitaifa',
  'publicStats.intro':
    'Waathiriwa wa biashara haramu ya binadamu waliotambuliwa nchini Kenya: kutoka kwa rekodi za kesi (pale tu mwathiriwa alipokubali kuhesabiwa) na kutoka kwa data ya kupambana na biashara hiyo iliyoshirikiwa kwa muundo wa CTDC. Hakuna takwimu katika ukurasa huu inayomtambulisha mtu.',
  'publicStats.protectionTitle': 'Idadi ndogo zimefichwa.',
  'publicStats.protection':
    'Ili kuwalinda waathiriwa, idadi zilizo chini ya {k} zimefichwa, pamoja na visanduku vingine, ili zilizofichwa zisiweze kukokotolewa kutoka kwa jumla. Takwimu zilizofichwa zinaonyeshwa kama “< {k}”. Katika ukurasa huu: {count} zimefichwa.',
  'publicStats.signInLink': 'Takwimu za kitaifa, wazi kwa kila mtu',
  'publicStats.headerLink': 'Takwimu',
  'publicStats.signIn': 'Wafanyakazi wa washirika: ingia',
  'publicStats.period': 'Kipindi',
  'publicStats.reset': 'Miaka yote',
  'publicStats.figures': 'Takwimu kuu',
  'publicStats.figure.total': 'Waathiriwa waliorekodiwa',
  'publicStats.figure.female': 'Wanawake na wasichana',
  'publicStats.figure.male': 'Wanaume na wavulana',
  'publicStats.figure.topForm': 'Aina ya unyonyaji iliyo ya kawaida zaidi',
  'publicStats.figure.none': 'Hakuna iliyorekodiwa',
  'publicStats.empty': 'Hakuna waathiriwa waliorekodiwa katika kipindi hiki.',
  'publicStats.section.trends': 'Kwa muda',
  'publicStats.section.victims': 'Waathiriwa ni akina nani',
  'publicStats.section.exploitation': 'Jinsi walivyonyonywa',
  'publicStats.section.countries': 'Wanakotoka na walikonyonywa',
  'publicStats.table.byYear': 'Waathiriwa kwa mwaka wa usajili',
  'publicStats.table.genderAge': 'Waathiriwa kwa umri na jinsia',
  'publicStats.table.gender': 'Waathiriwa kwa jinsia',
  'publicStats.table.ageBand': 'Waathiriwa kwa umri',
  'publicStats.table.exploitation': 'Aina za unyonyaji',
  'publicStats.table.citizenship': 'Uraia wa waathiriwa (hadi {count} za kawaida zaidi)',
  'publicStats.table.countryOfExploitation': 'Nchi za unyonyaji (hadi {count} za kawaida zaidi)',
  'publicStats.topNote': 'Nchi zilizofichwa na zisizo za kawaida haziorodheshwi.',
  'publicStats.source':
    'Idadi zinafuata makundi ya Counter Trafficking Data Collaborative (CTDC). Mwathiriwa aliyenyonywa kwa njia kadhaa anahesabiwa katika kila moja.',

  'statSettings.title': 'Mipangilio ya takwimu',
  'statSettings.intro':
    'Kila mtu asiye na ruhusa ya kuona rekodi za kesi, pamoja na umma, huona takwimu ambazo idadi ndogo zimefichwa. Chagua idadi ndogo zaidi itakayoonyeshwa.',
  'statSettings.k': 'Idadi ndogo zaidi inayoonyeshwa (k)',
  'statSettings.kHint':
    'Namba kamili kuanzia 2 hadi 100. CTDC huchapisha kwa 11. Namba kubwa zaidi huwalinda watu vizuri zaidi lakini huficha takwimu zaidi.',
  'statSettings.kInvalid': 'Weka namba kamili kuanzia 2 hadi 100.',
  'statSettings.saved': 'Imehifadhiwa: idadi zilizo chini ya {k} sasa zimefichwa.',
  'statSettings.publicPage': 'Tazama ukurasa wa takwimu za umma',
  'statSettings.back': 'Rudi kwenye uchambuzi',
};

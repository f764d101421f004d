import type { releasesEn } from './releases.en.ts';

/** Swahili messages of data releases (k-anonymous and differentially private synthetic). */
export const releasesSw: Record<keyof typeof releasesEn, string> = {
  'releases.title': 'Matoleo ya data',
  'releases.intro':
    'Toleo ni faili la rekodi zisizotambulisha watu, lenye majina ya vigezo vya CTDC na kitabu cha misimbo, lililolindwa ili hakuna mwathiriwa atakayetambuliwa ndani yake.',
  'releases.new': 'Toleo jipya',
  'releases.caption': 'Matoleo ya data, mapya kwanza',
  'releases.col.title': 'Kichwa',
  'releases.col.method': 'Mbinu',
  'releases.col.source': 'Rekodi kutoka',
  'releases.col.records': 'Rekodi zilizotolewa',
  'releases.col.createdBy': 'Limeandaliwa na',
  'releases.col.createdAt': 'Limeandaliwa tarehe',
  'releases.empty': 'Bado hakuna toleo lililoandaliwa.',
  'releases.backToList': 'Rudi kwenye matoleo ya data',

  'releases.method.k_anonymity': 'Rekodi zenye k-kutotambulika',
  'releases.method.dp_synthetic': 'Rekodi bandia zenye faragha tofauti',
  'releases.methodHint.k_anonymity':
    'Rekodi halisi, ambazo thamani zake zimefanywa pana zaidi au kuachwa hadi kila mchanganyiko wa vitambulishi-nusu ushirikiwe na angalau watu k.',
  'releases.methodHint.dp_synthetic':
    'Rekodi za kubuni zinazohifadhi mifumo ya data halisi, iliyopimwa kwa kelele iliyorekebishwa: hakuna mtu halisi aliye kwenye faili.',
  'releases.source.all': 'Rekodi zote',
  'releases.source.case': 'Kesi zetu pekee',
  'releases.source.ctdc': 'Rekodi za CTDC zilizoingizwa',

  'releases.newTitle': 'Toleo jipya la data',
  'releases.field.title': 'Kichwa',
  'releases.field.titleHint': 'Toleo ni la nini, kwa mfano "Kenya 2015–2018 kwa CTDC".',
  'releases.field.method': 'Mbinu ya ulinzi',
  'releases.field.source': 'Rekodi kutoka',
  'releases.field.from': 'Kuanzia',
  'releases.field.to': 'Hadi',
  'releases.field.periodHint': 'Mwaka (2016) au mwezi (2016-03). Acha wazi kwa miaka yote.',
  'releases.field.attributes': 'Sifa',
  'releases.field.attributesHint':
    'Vigezo vitakavyokuwa kwenye faili, kwa majina yao ya CTDC. Sifa chache huleta toleo sahihi zaidi na lililolindwa vyema.',
  'releases.field.k': 'k (ukubwa mdogo kabisa wa kundi)',
  'releases.field.kHint':
    'Kila mchanganyiko wa vitambulishi-nusu kwenye faili unashirikiwa na angalau rekodi hizi. CTDC hutumia 11.',
  'releases.field.quasiIdentifiers': 'Vitambulishi-nusu',
  'releases.field.quasiIdentifiersHint':
    'Kile ambacho mtu angeweza kujua tayari kuhusu mtu (umri, jinsia, uraia). Huchaguliwa kati ya sifa zilizo juu.',
  'releases.field.maxSuppression': 'Rekodi zinazoweza kuachwa (%)',
  'releases.field.maxSuppressionHint':
    'Sehemu kubwa kabisa ya rekodi zinazoweza kuondolewa badala ya kufanya thamani kuwa pana. Kuruhusu chache huhifadhi undani zaidi.',
  'releases.field.epsilon': 'Bajeti ya faragha ε (epsilon)',
  'releases.field.epsilonHint':
    'Ndogo ni faragha zaidi lakini usahihi mdogo; kubwa ni sahihi zaidi lakini faragha ndogo. Kati ya 0.1 na 20.',
  'releases.field.delta': 'δ (delta)',
  'releases.field.deltaHint': 'Uwezekano mdogo kwamba hakikisho la faragha halitashikilia, kwa mfano 0.000001.',
  'releases.field.reportingLength': 'Urefu wa kuripoti',
  'releases.field.reportingLengthHint':
    'Mchanganyiko mrefu kabisa wa thamani ambao idadi zake hupimwa na kuhifadhiwa (1 hadi 4). Mrefu zaidi huhifadhi mifumo mingi lakini huongeza kelele na huchukua muda zaidi.',
  'releases.field.fabricationThreshold': 'Michanganyiko inayoweza kubuniwa',
  'releases.field.fabricationThresholdHint':
    'Idadi ya michanganyiko ya thamani isiyokuwepo kwenye data halisi ambayo usanisi unaweza kuunda. 0 hairuhusu yoyote.',
  'releases.kSection': 'k-kutotambulika',
  'releases.dpSection': 'Faragha tofauti',
  'releases.periodSection': 'Kipindi',

  'releases.group.profile': 'Wasifu',
  'releases.group.exploitation': 'Aina ya unyonyaji',
  'releases.group.labour': 'Sekta ya kazi ya kulazimishwa',
  'releases.group.sexType': 'Unyonyaji wa kingono',
  'releases.group.control': 'Njia za udhibiti',
  'releases.group.recruiter': 'Uhusiano na msajili',
  'releases.group.recruitment': 'Usajili',
  'releases.selectGroup': 'Chagua zote: {group}',
  'releases.clearGroup': 'Futa: {group}',
  'releases.groupSummary': '{group}: {count} zimechaguliwa',

  'releases.attr.yearOfRegistration': 'Mwaka wa usajili',
  'releases.attr.Datasource': 'Chanzo cha data',
  'releases.attr.gender': 'Jinsia',
  'releases.attr.ageBroad': 'Kundi la umri',
  'releases.attr.citizenship': 'Uraia',
  'releases.attr.CountryOfExploitation': 'Nchi ya unyonyaji',
  'releases.attrWithName': '{label} ({name})',

  'releases.submit': 'Andaa toleo',
  'releases.building': 'Toleo linaandaliwa. Kwenye data kubwa huchukua hadi sekunde 20; tafadhali subiri.',
  'releases.cancel': 'Ghairi',
  'releases.error.attributesRequired': 'Chagua angalau sifa moja.',
  'releases.error.qiRequired': 'Chagua angalau kitambulishi-nusu kimoja.',
  'releases.error.period': 'Tumia mwaka (2016) au mwezi (2016-03).',
  'releases.error.periodOrder': 'Kipindi lazima kianze kabla ya kuisha.',
  'releases.error.range': 'Weka namba kuanzia {min} hadi {max}.',
  'releases.error.integer': 'Weka namba kamili kuanzia {min} hadi {max}.',

  'releases.detailTitle': 'Toleo la data',
  'releases.created': 'Toleo limeandaliwa na kuhifadhiwa. Kagua manufaa yake hapa chini kabla ya kulishiriki.',
  'releases.parameters': 'Vigezo vya uandaaji',
  'releases.builtBy': 'Limeandaliwa na',
  'releases.builtByOn': '{name}, {date}',
  'releases.period': 'Kipindi',
  'releases.allYears': 'Miaka yote',
  'releases.periodRange': '{from} hadi {to}',
  'releases.periodFrom': 'Kuanzia {from}',
  'releases.periodTo': 'Hadi {to}',
  'releases.generalisation': 'Upanuzi uliochaguliwa',
  'releases.generalisationHint':
    'Jinsi kila kitambulishi-nusu kilivyofanywa kuwa pana ili kila kundi liwe na angalau rekodi k.',
  'releases.generalisationItem': '{attribute}: {level}',
  'releases.level.value': 'imehifadhiwa kama ilivyorekodiwa',
  'releases.level.minorAdult': 'mtoto au mtu mzima',
  'releases.level.fiveYears': 'vipindi vya miaka mitano',
  'releases.level.unRegion': 'kanda ya Umoja wa Mataifa',
  'releases.level.withheld': 'imezuiliwa (imechapishwa wazi)',
  'releases.noGeneralisation': 'Haukuhitajika',

  'releases.utility': 'Manufaa na ulinzi',
  'releases.utilityIntro':
    'Jinsi toleo linavyokaribiana na rekodi halisi lilizotokana nazo, na kiasi gani kilibadilishwa au kuondolewa ili kulinda watu.',
  'releases.metric.records': 'Rekodi zilizotolewa',
  'releases.metric.recordsValue': '{released} kati ya rekodi halisi {real}',
  'releases.metric.recordsHintK':
    'k-kutotambulika huacha rekodi isizoweza kulinda; zilizobaki ni rekodi halisi, baadhi zikiwa na thamani pana zaidi.',
  'releases.metric.recordsHintDp': 'Usanisi huunda rekodi za kubuni karibu sawa na idadi ya rekodi halisi.',
  'releases.metric.recordsSuppressed': 'Rekodi zilizoachwa',
  'releases.metric.recordsSuppressedHint':
    'Rekodi zilizoachwa kwa sababu chini ya rekodi k zilishiriki mchanganyiko wao wa vitambulishi-nusu.',
  'releases.metric.valuesGeneralised': 'Thamani zilizopanuliwa',
  'releases.metric.valuesGeneralisedHint':
    'Thamani zilizobadilishwa kwa kundi pana zaidi, kwa mfano umri kwa kundi pana la umri.',
  'releases.metric.valuesSuppressed': 'Thamani zilizofichwa',
  'releases.metric.valuesSuppressedHint': 'Thamani zilizojulikana lakini zimechapishwa wazi.',
  'releases.metric.countShare': '{count} ({share})',
  'releases.metric.marginalError': 'Wastani wa kosa kamili la jumla ndogo',
  'releases.metric.marginalErrorHint':
    'Tofauti ya wastani kati ya idadi kwenye toleo na idadi ileile kwenye data halisi, kwa kila thamani (njia-1), jozi ya thamani (njia-2) na tatu za thamani (njia-3). Ndogo ni sahihi zaidi.',
  'releases.metric.oneWay': 'Njia-1: {value}',
  'releases.metric.twoWay': 'Njia-2: {value}',
  'releases.metric.threeWay': 'Njia-3: {value}',
  'releases.metric.notMeasured': 'haikupimwa (sifa chache mno)',
  'releases.metric.fabricated': 'Michanganyiko iliyobuniwa',
  'releases.metric.fabricatedHint':
    'Michanganyiko ya thamani inayoonekana kwenye toleo lakini haipo kabisa kwenye data halisi. Ndogo ni bora.',
  'releases.metric.noise': 'Kelele iliyoongezwa, kwa urefu wa mchanganyiko',
  'releases.metric.noiseHint':
    'Mkengeuko sanifu (σ) wa kelele ya nasibu iliyoongezwa kwa kila idadi iliyopimwa. Kelele kubwa hulinda zaidi na hufifisha zaidi.',
  'releases.metric.noiseLength': 'Urefu {length}: σ = {sigma}',

  'releases.downloads': 'Vipakuliwa',
  'releases.downloadsHint':
    'Rekodi zinatumia majina ya vigezo vya CTDC; kitabu cha misimbo kinaeleza kila kigezo na jinsi toleo lilivyolindwa.',
  'releases.downloadCsv': 'Pakua rekodi (CSV)',
  'releases.downloadCodebook': 'Pakua kitabu cha misimbo',
};

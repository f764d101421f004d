import type { flowsEn } from './flows.en.ts';

/** Swahili messages of the trafficking flows page. */
export const flowsSw: Record<keyof typeof flowsEn, string> = {
  'flows.title': 'Mtiririko wa usafirishaji haramu',
  'flows.intro':
    'Waathiriwa walikotoka, walikopitia na walikonyonywa, kutoka kwa rekodi na vichujio vilevile vya dashibodi.',
  'flows.backToDashboard': 'Rudi kwenye dashibodi ya takwimu',
  'flows.totalHidden': 'Waathiriwa waliohesabiwa: imefichwa, ili takwimu ndogo zisiweze kukisiwa kutokana nayo.',
  'flows.empty': 'Hakuna rekodi zinazolingana na vichujio hivi.',
  'flows.other': 'Nyingine',
  'flows.noTransit': 'Hakuna nchi ya kupitia iliyorekodiwa',
  'flows.showTable': 'Onyesha kama jedwali',
  'flows.hiddenLinks':
    'Mitiririko {count} iliyo chini ya {k} imefichwa na haijachorwa; majedwali yanaionyesha kama “< {k}”.',
  'flows.linkTitle': '{from} → {to}: {count}',
  'flows.nodeTitle': '{place}: {count}',
  'flows.from': 'Kutoka',
  'flows.to': 'Kwenda',
  'flows.records': 'Rekodi',

  'flows.sankey.heading': 'Asili, kupitia na unyonyaji',
  'flows.sankey.description':
    'Kila ukanda ni kundi la waathiriwa, upana wake ukiwa idadi yao. Safu ya kwanza ni nchi ya asili, au uraia pale asili haijarekodiwa (rekodi za CTDC zilizoingizwa zina uraia tu). Nchi ndogo zinajumlishwa kama “Nyingine”.',
  'flows.sankey.svgTitle': 'Mchoro wa mtiririko kutoka asili au uraia kupitia nchi ya kupitia hadi nchi ya unyonyaji',
  'flows.sankey.origin': 'Asili au uraia',
  'flows.sankey.transit': 'Kupitia',
  'flows.sankey.exploitation': 'Unyonyaji',
  'flows.sankey.noLinks': 'Hakuna mitiririko ya kuchora.',
  'flows.table.originTransit': 'Asili au uraia → nchi ya kupitia',
  'flows.table.transitExploitation': 'Nchi ya kupitia → nchi ya unyonyaji',
  'flows.table.originExploitation': 'Asili au uraia → nchi ya unyonyaji',
  'flows.table.counties': 'Kaunti ya asili → kaunti ya unyonyaji',

  'flows.world.heading': 'Ramani ya dunia',
  'flows.world.description':
    'Nchi zimetiwa rangi kwa idadi ya waathiriwa waliotumiwa vibaya humo; mishale inatoka nchi ya asili (au uraia) hadi nchi ya unyonyaji, mipana zaidi kwa waathiriwa wengi.',
  'flows.world.svgTitle': 'Ramani ya dunia ya mitiririko ya usafirishaji haramu kati ya nchi',
  'flows.world.legend': 'Waathiriwa waliotumiwa vibaya nchini',
  'flows.world.arcLegend':
    'Mshale: kutoka asili au uraia hadi nchi ya unyonyaji; mpana zaidi ni waathiriwa wengi zaidi.',
  'flows.world.notOnMap': 'Hazimo kwenye ramani: {countries}.',
  'flows.world.credit': 'Ramani: Natural Earth.',
  'flows.world.noArcs': 'Hakuna mitiririko kati ya nchi mbili tofauti zinazojulikana ya kuchora.',

  'flows.county.heading': 'Ndani ya nchi: kaunti hadi kaunti',
  'flows.county.description':
    'Kaunti zimetiwa rangi kwa idadi ya waathiriwa waliotumiwa vibaya humo; mishale inatoka kaunti ya asili hadi kaunti ya unyonyaji.',
  'flows.county.svgTitle': 'Ramani ya kaunti ya mitiririko kutoka kaunti ya asili hadi kaunti ya unyonyaji',
  'flows.county.legend': 'Waathiriwa waliotumiwa vibaya katika kaunti',
  'flows.county.arcLegend':
    'Mshale: kutoka kaunti ya asili hadi kaunti ya unyonyaji; mpana zaidi ni waathiriwa wengi zaidi.',
  'flows.county.approximate': 'Kaunti zinaonyeshwa kama nukta katikati yake: hakuna mipaka ya kaunti iliyopakiwa.',
  'flows.county.creditCentres': 'Muhtasari: Natural Earth. Vituo vya kaunti: kifurushi cha “kenya” (leseni ya MIT).',
  'flows.county.creditBoundaries': 'Mipaka ya kaunti iliyopakiwa na msimamizi.',
  'flows.county.notOnMap': 'Hazimo kwenye ramani: {counties}.',
  'flows.county.noArcs': 'Hakuna mitiririko kati ya kaunti mbili tofauti zinazojulikana ya kuchora.',

  'flows.map.loading': 'Ramani inapakiwa…',
  'flows.map.omitted': 'Mitiririko {count} mikubwa zaidi imechorwa; {omitted} midogo zaidi iko kwenye jedwali tu.',
  'flows.map.failed': 'Ramani haikuweza kupakiwa. Jedwali lina takwimu zilezile.',
  'flows.legend.classOne': '{count}',
  'flows.legend.classRange': '{from} hadi {to}',
  'flows.legend.none': 'Hakuna, au imefichwa',
};

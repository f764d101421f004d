/** English messages of the trafficking flows page. */
export const flowsEn = {
  'flows.title': 'Trafficking flows',
  'flows.intro':
    'Where victims came from, where they passed through and where they were exploited, from the same records and filters as the dashboard.',
  'flows.backToDashboard': 'Back to the analytics dashboard',
  'flows.totalHidden': 'Victims counted: hidden, so that small figures cannot be worked out from it.',
  'flows.empty': 'No records match these filters.',
  'flows.other': 'Other',
  'flows.noTransit': 'No transit recorded',
  'flows.showTable': 'Show as a table',
  'flows.hiddenLinks': '{count} flows below {k} are hidden and not drawn; the tables show them as “< {k}”.',
  'flows.linkTitle': '{from} → {to}: {count}',
  'flows.nodeTitle': '{place}: {count}',
  'flows.from': 'From',
  'flows.to': 'To',
  'flows.records': 'Records',

  'flows.sankey.heading': 'Origin, transit and exploitation',
  'flows.sankey.description':
    'Each band is a group of victims, as wide as their number. The first column is the country of origin, or the citizenship when the origin is not recorded (imported CTDC records carry citizenship only). Smaller countries are summed as “Other”.',
  'flows.sankey.svgTitle': 'Flow diagram from origin or citizenship through transit to the country of exploitation',
  'flows.sankey.origin': 'Origin or citizenship',
  'flows.sankey.transit': 'Transit',
  'flows.sankey.exploitation': 'Exploitation',
  'flows.sankey.noLinks': 'No flows to draw.',
  'flows.table.originTransit': 'Origin or citizenship → country of transit',
  'flows.table.transitExploitation': 'Country of transit → country of exploitation',
  'flows.table.originExploitation': 'Origin or citizenship → country of exploitation',
  'flows.table.counties': 'County of origin → county of exploitation',

  'flows.world.heading': 'World map',
  'flows.world.description':
    'Countries are shaded by the number of victims exploited there; arrows run from the country of origin (or citizenship) to the country of exploitation, wider for more victims.',
  'flows.world.svgTitle': 'World map of trafficking flows between countries',
  'flows.world.legend': 'Victims exploited in the country',
  'flows.world.arcLegend':
    'Arrow: from origin or citizenship to the country of exploitation; wider means more victims.',
  'flows.world.notOnMap': 'Not on the map: {countries}.',
  'flows.world.credit': 'Map: Natural Earth.',
  'flows.world.noArcs': 'No flows between two known, different countries to draw.',

  'flows.county.heading': 'Inside the country: county to county',
  'flows.county.description':
    'Counties are shaded by the number of victims exploited there; arrows run from the county of origin to the county of exploitation.',
  'flows.county.svgTitle': 'County map of trafficking flows from county of origin to county of exploitation',
  'flows.county.legend': 'Victims exploited in the county',
  'flows.county.arcLegend': 'Arrow: from the county of origin to the county of exploitation; wider means more victims.',
  'flows.county.approximate': 'Counties are shown as points at their centres: no county boundaries have been uploaded.',
  'flows.county.creditCentres': 'Outline: Natural Earth. County centres: the “kenya” package (MIT licence).',
  'flows.county.creditBoundaries': 'County boundaries uploaded by the administrator.',
  'flows.county.notOnMap': 'Not on the map: {counties}.',
  'flows.county.noArcs': 'No flows between two known, different counties to draw.',

  'flows.map.loading': 'Loading the map…',
  'flows.map.omitted': 'The {count} largest flows are drawn; {omitted} smaller ones are in the table only.',
  'flows.map.failed': 'The map could not be loaded. The table has the same figures.',
  'flows.legend.classOne': '{count}',
  'flows.legend.classRange': '{from} to {to}',
  'flows.legend.none': 'None, or hidden',
};

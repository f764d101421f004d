/** English messages of data releases (k-anonymous and differentially private synthetic). */
export const releasesEn = {
  'releases.title': 'Data releases',
  'releases.intro':
    'A release is a file of de-identified records with CTDC variable names and a codebook, protected so that no victim can be recognised in it.',
  'releases.new': 'New release',
  'releases.caption': 'Data releases, newest first',
  'releases.col.title': 'Title',
  'releases.col.method': 'Method',
  'releases.col.source': 'Records from',
  'releases.col.records': 'Records released',
  'releases.col.createdBy': 'Built by',
  'releases.col.createdAt': 'Built on',
  'releases.empty': 'No release has been built yet.',
  'releases.backToList': 'Back to data releases',

  'releases.method.k_anonymity': 'k-anonymous records',
  'releases.method.dp_synthetic': 'Synthetic records with differential privacy',
  'releases.methodHint.k_anonymity':
    'Real records, with values made coarser or left out until every combination of quasi-identifiers is shared by at least k people.',
  'releases.methodHint.dp_synthetic':
    'Made-up records that keep the patterns of the real data, measured with calibrated noise: no real person is in the file.',
  'releases.source.all': 'All records',
  'releases.source.case': 'Own cases only',
  'releases.source.ctdc': 'Imported CTDC records',

  'releases.newTitle': 'New data release',
  'releases.field.title': 'Title',
  'releases.field.titleHint': 'What the release is for, for example "Kenya 2015–2018 for the CTDC".',
  'releases.field.method': 'Protection method',
  'releases.field.source': 'Records from',
  'releases.field.from': 'From',
  'releases.field.to': 'To',
  'releases.field.periodHint': 'A year (2016) or a month (2016-03). Leave empty for all years.',
  'releases.field.attributes': 'Attributes',
  'releases.field.attributesHint':
    'The variables the file will have, by their CTDC names. Fewer attributes give a more faithful and better protected release.',
  'releases.field.k': 'k (smallest group size)',
  'releases.field.kHint':
    'Each combination of quasi-identifiers in the file is shared by at least this many records. CTDC uses 11.',
  'releases.field.quasiIdentifiers': 'Quasi-identifiers',
  'releases.field.quasiIdentifiersHint':
    'What someone could already know about a person (their age, sex, nationality). Chosen among the attributes above.',
  'releases.field.maxSuppression': 'Records that may be left out (%)',
  'releases.field.maxSuppressionHint':
    'The largest share of records that may be dropped instead of making values coarser. Allowing a few keeps more detail.',
  'releases.field.epsilon': 'Privacy budget ε (epsilon)',
  'releases.field.epsilonHint':
    'Lower is more private but less accurate; higher is more accurate but less private. Between 0.1 and 20.',
  'releases.field.delta': 'δ (delta)',
  'releases.field.deltaHint': 'The small chance that the privacy guarantee does not hold, for example 0.000001.',
  'releases.field.reportingLength': 'Reporting length',
  'releases.field.reportingLengthHint':
    'The longest combination of values whose counts are measured and kept (1 to 4). Longer keeps more patterns but adds more noise and takes longer.',
  'releases.field.fabricationThreshold': 'Combinations that may be invented',
  'releases.field.fabricationThresholdHint':
    'How many combinations of values that do not exist in the real data the synthesis may create. 0 allows none.',
  'releases.kSection': 'k-anonymity',
  'releases.dpSection': 'Differential privacy',
  'releases.periodSection': 'Period',

  'releases.group.profile': 'Profile',
  'releases.group.exploitation': 'Type of exploitation',
  'releases.group.labour': 'Industry of forced labour',
  'releases.group.sexType': 'Sexual exploitation',
  'releases.group.control': 'Means of control',
  'releases.group.recruiter': 'Relation to recruiter',
  'releases.group.recruitment': 'Recruitment',
  'releases.selectGroup': 'Select all: {group}',
  'releases.clearGroup': 'Clear: {group}',
  'releases.groupSummary': '{group}: {count} chosen',

  'releases.attr.yearOfRegistration': 'Year of registration',
  'releases.attr.Datasource': 'Data source',
  'releases.attr.gender': 'Sex',
  'releases.attr.ageBroad': 'Age band',
  'releases.attr.citizenship': 'Citizenship',
  'releases.attr.CountryOfExploitation': 'Country of exploitation',
  'releases.attrWithName': '{label} ({name})',

  'releases.submit': 'Build release',
  'releases.building': 'Building the release. On large data this takes up to 20 seconds; please wait.',
  'releases.cancel': 'Cancel',
  'releases.error.attributesRequired': 'Choose at least one attribute.',
  'releases.error.qiRequired': 'Choose at least one quasi-identifier.',
  'releases.error.period': 'Use a year (2016) or a month (2016-03).',
  'releases.error.periodOrder': 'The period must start before it ends.',
  'releases.error.range': 'Enter a number from {min} to {max}.',
  'releases.error.integer': 'Enter a whole number from {min} to {max}.',

  'releases.detailTitle': 'Data release',
  'releases.created': 'The release is built and kept. Check its utility below before you share it.',
  'releases.parameters': 'Parameters',
  'releases.builtBy': 'Built by',
  'releases.builtByOn': '{name}, {date}',
  'releases.period': 'Period',
  'releases.allYears': 'All years',
  'releases.periodRange': '{from} to {to}',
  'releases.periodFrom': 'From {from}',
  'releases.periodTo': 'Up to {to}',
  'releases.generalisation': 'Generalisation chosen',
  'releases.generalisationHint':
    'How coarse each quasi-identifier was made so that every group has at least k records.',
  'releases.generalisationItem': '{attribute}: {level}',
  'releases.level.value': 'kept as recorded',
  'releases.level.minorAdult': 'minor or adult',
  'releases.level.fiveYears': 'five-year periods',
  'releases.level.unRegion': 'UN region',
  'releases.level.withheld': 'withheld (published empty)',
  'releases.noGeneralisation': 'None needed',

  'releases.utility': 'Utility and protection',
  'releases.utilityIntro':
    'How close the release stays to the real records it was built from, and how much was changed or removed to protect people.',
  'releases.metric.records': 'Records released',
  'releases.metric.recordsValue': '{released} of {real} real records',
  'releases.metric.recordsHintK':
    'k-anonymity leaves out the records it cannot protect; the others are real records, some with coarser values.',
  'releases.metric.recordsHintDp': 'Synthesis makes about as many made-up records as the real data has.',
  'releases.metric.recordsSuppressed': 'Records suppressed',
  'releases.metric.recordsSuppressedHint':
    'Records left out because fewer than k records shared their combination of quasi-identifiers.',
  'releases.metric.valuesGeneralised': 'Values generalised',
  'releases.metric.valuesGeneralisedHint':
    'Values replaced by a coarser category, for example an age by a wider age band.',
  'releases.metric.valuesSuppressed': 'Values suppressed',
  'releases.metric.valuesSuppressedHint': 'Values that were known but are published empty.',
  'releases.metric.countShare': '{count} ({share})',
  'releases.metric.marginalError': 'Mean absolute error of marginals',
  'releases.metric.marginalErrorHint':
    'The average difference between a count in the release and the same count in the real data, over every value (1-way), pair of values (2-way) and triple of values (3-way). Lower is more faithful.',
  'releases.metric.oneWay': '1-way: {value}',
  'releases.metric.twoWay': '2-way: {value}',
  'releases.metric.threeWay': '3-way: {value}',
  'releases.metric.notMeasured': 'not measured (too few attributes)',
  'releases.metric.fabricated': 'Combinations fabricated',
  'releases.metric.fabricatedHint':
    'Combinations of values that appear in the release but never in the real data. Lower is better.',
  'releases.metric.noise': 'Noise added, by combination length',
  'releases.metric.noiseHint':
    'The standard deviation (σ) of the random noise added to each measured count. Larger noise protects more and blurs more.',
  'releases.metric.noiseLength': 'Length {length}: σ = {sigma}',

  'releases.downloads': 'Downloads',
  'releases.downloadsHint':
    'The records use CTDC variable names; the codebook explains each variable and how the release was protected.',
  'releases.downloadCsv': 'Download records (CSV)',
  'releases.downloadCodebook': 'Download codebook',
};

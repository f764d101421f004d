import {
  CTDC_FLAG_VARIABLES,
  RELEASE_ATTRIBUTE_GROUPS,
  type ReleaseAttributeGroup,
  type ReleaseMetrics,
  type ReleaseMethod,
  type ReleaseParams,
  type ReleaseSource,
} from '@kinga/shared';
import { NOISE_THRESHOLD } from '../../lib/privacy/dp-marginals.ts';

/**
 * The two files of a release: the records as CSV with CTDC variable names, and a codebook
 * (Markdown) that says what each variable holds, how the file was protected and how useful
 * it remains.
 */

/** The group (flag family, or profile) of each attribute. */
const GROUP_OF = new Map<string, ReleaseAttributeGroup>(
  (Object.entries(RELEASE_ATTRIBUTE_GROUPS) as [ReleaseAttributeGroup, readonly string[]][]).flatMap(([group, names]) =>
    names.map((name) => [name, group] as [string, ReleaseAttributeGroup]),
  ),
);

function csvCell(value: string): string {
  // Values are vocabulary codes, years and CTDC labels; quoting keeps any comma or quote harmless.
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The CSV: a header of CTDC variable names, then one line per record. Flags read 1 when set;
 * 0 when the record has another value of the same family (e.g. another form of exploitation),
 * so the family is known; empty otherwise (unknown), and always empty when withheld.
 */
export function releaseCsv(
  attributes: readonly string[],
  records: readonly (readonly (string | null)[])[],
  withheld: readonly string[],
): string {
  const groups = attributes.map((a) => GROUP_OF.get(a) ?? 'profile');
  const withheldAt = attributes.map((a) => withheld.includes(a));
  const lines = [attributes.join(',')];
  for (const record of records) {
    const known = new Set<ReleaseAttributeGroup>();
    record.forEach((value, i) => {
      if (groups[i] !== 'profile' && value !== null) known.add(groups[i]!);
    });
    const cells = record.map((value, i) => {
      const group = groups[i]!;
      if (group === 'profile') return value === null ? '' : csvCell(value);
      if (withheldAt[i]) return '';
      if (value !== null) return '1';
      return known.has(group) ? '0' : '';
    });
    lines.push(cells.join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

const FAMILY_LABELS: Record<Exclude<ReleaseAttributeGroup, 'profile'>, string> = {
  exploitation: 'Type of exploitation',
  labour: 'Type of forced labour',
  sexType: 'Type of sexual exploitation',
  control: 'Means of control',
  recruiter: 'Relation to the recruiter',
  recruitment: 'Recruitment',
};

const PROFILE_LABELS: Record<string, string> = {
  yearOfRegistration: 'Year the victim was registered (identified, assisted or referred)',
  Datasource: 'Where the record comes from: case management or a hotline',
  gender: 'Gender',
  ageBroad: 'Age band at registration (CTDC bands, written with a double hyphen: 18--20)',
  citizenship: 'Citizenship (ISO 3166-1 alpha-2 code)',
  CountryOfExploitation: 'Country of exploitation (ISO 3166-1 alpha-2 code)',
};

function words(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function variableLabel(attribute: string): string {
  const group = GROUP_OF.get(attribute);
  if (!group || group === 'profile') return PROFILE_LABELS[attribute] ?? attribute;
  const names = CTDC_FLAG_VARIABLES[group] as Record<string, string | undefined>;
  const value = Object.keys(names).find((key) => names[key] === attribute) ?? attribute;
  return `${FAMILY_LABELS[group]}: ${words(value)}`;
}

const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

function categoryLabel(attribute: string, value: string): string {
  if (attribute === 'citizenship' || attribute === 'CountryOfExploitation') {
    if (/^[A-Z]{2}$/.test(value)) {
      try {
        return regionNames.of(value) ?? value;
      } catch {
        return value;
      }
    }
    return `${value} (UN region)`;
  }
  if (attribute === 'ageBroad' && (value === 'Minor' || value === 'Adult')) return `${value} (generalised age band)`;
  if (attribute === 'yearOfRegistration' && value.includes('-')) return `${value} (generalised: 5-year span)`;
  return value;
}

const METHOD_NAMES: Record<ReleaseMethod, string> = {
  k_anonymity: 'k-anonymous records (generalisation and suppression)',
  dp_synthetic: 'synthetic records from differentially private marginals',
};
const SOURCE_NAMES: Record<ReleaseSource, string> = {
  all: 'all records (Kinga cases with a statistics consent and imported CTDC records)',
  case: 'Kinga cases only (those with a standing statistics consent)',
  ctdc: 'imported CTDC records only',
};

const figure = (value: number | null, digits = 2) => (value === null ? 'n/a' : value.toFixed(digits));
const percent = (value: number) => `${(value * 100).toFixed(2)} %`;

export interface CodebookInput {
  title: string;
  method: ReleaseMethod;
  source: ReleaseSource;
  attributes: readonly string[];
  params: ReleaseParams;
  metrics: ReleaseMetrics;
  records: readonly (readonly (string | null)[])[];
  createdAt: string;
  /** Whether imported CTDC records went into it (the citation is then required). */
  includesCtdc: boolean;
}

export function releaseCodebook(input: CodebookInput): string {
  const { params, metrics } = input;
  const out: string[] = [];
  out.push(`# ${input.title}`, '');
  out.push(`Codebook of a Kinga data release, built ${input.createdAt}.`, '');
  out.push('## Contents', '');
  out.push(`- Method: ${METHOD_NAMES[input.method]}`);
  out.push(`- Records from: ${SOURCE_NAMES[input.source]}`);
  out.push(`- Period: ${params.from ?? 'start'} to ${params.to ?? 'end'} (year of registration, inclusive)`);
  out.push(`- Records in the file: ${metrics.releasedRecords}`);
  out.push(`- Variables: ${input.attributes.length} (CTDC names; one CSV column each)`, '');

  out.push('## Variables', '');
  input.attributes.forEach((attribute, i) => {
    const group = GROUP_OF.get(attribute) ?? 'profile';
    out.push(`### ${attribute}`, '', variableLabel(attribute), '');
    if (group !== 'profile') {
      out.push('Flag: 1 = yes; 0 = no (the record has another value of the same family); empty = not known.', '');
      return;
    }
    const counts = new Map<string, number>();
    let empty = 0;
    for (const record of input.records) {
      const value = record[i] ?? null;
      if (value === null) empty += 1;
      else counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    out.push('| Value | Label | Records |', '| --- | --- | --- |');
    for (const [value, count] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      out.push(`| ${value} | ${categoryLabel(attribute, value)} | ${count} |`);
    }
    out.push(`| (empty) | unknown or withheld | ${empty} |`, '');
  });

  out.push('## How privacy is protected', '');
  if (params.kAnonymity) {
    const ka = params.kAnonymity;
    out.push(
      `Every combination of the quasi-identifiers (${ka.quasiIdentifiers.join(', ')}) that appears in the file is shared by at least k = ${ka.k} records.`,
      'Quasi-identifiers were generalised as a whole (one level per variable for the whole file), choosing the least',
      `generalisation that needed at most ${percent(ka.maxSuppression)} of the records to be dropped; the records left in groups smaller than k were then dropped.`,
      '',
      '| Quasi-identifier | Level published |',
      '| --- | --- |',
      ...ka.quasiIdentifiers.map((qi) => `| ${qi} | ${ka.generalisation[qi] ?? 'value'} |`),
      '',
      'Levels: value (as recorded); 5-year span (years); minor/adult (age bands); UN region (countries); withheld (published empty).',
      'k-anonymity protects against singling out a person by these variables; it does not protect what all members of a group share.',
      '',
    );
  }
  if (params.dp) {
    const dp = params.dp;
    out.push(
      'The records are synthetic: no line describes a real person. They were drawn only from counts of combinations of',
      `up to ${dp.reportingLength} values, measured with Gaussian noise for differential privacy (ε = ${dp.epsilon}, δ = ${dp.delta}),`,
      "after the approach of Microsoft's synthetic-data-showcase.",
      '',
      `- Noise standard deviation per combination length: ${(metrics.noiseSigma ?? []).map((s, i) => `${i + 1}: ${s.toFixed(1)}`).join('; ')}`,
      `- Noisy counts below ${NOISE_THRESHOLD} standard deviations were dropped; only combinations present in the data were measured.`,
      `- A value was drawn only if all its combinations with up to ${dp.reportingLength - 1} other values of the record were kept`,
      `  (tolerance: ${dp.fabricationThreshold} missing combinations), so the file holds no combination of up to ${dp.reportingLength} values that the aggregates do not.`,
      '- Counts in the file differ from the real ones; rare values and combinations are missing. Do not use the file to count rare cases.',
      '',
    );
  }

  out.push('## Utility (against the real records)', '');
  out.push(
    '| Measure | Value |',
    '| --- | --- |',
    `| Real records | ${metrics.realRecords} |`,
    `| Records released | ${metrics.releasedRecords} |`,
    `| Records dropped | ${metrics.recordsSuppressed} (${percent(metrics.recordsSuppressedShare)}) |`,
    `| Values generalised | ${metrics.valuesGeneralised} (${percent(metrics.valuesGeneralisedShare)}) |`,
    `| Values withheld | ${metrics.valuesSuppressed} (${percent(metrics.valuesSuppressedShare)}) |`,
    `| Mean absolute error, 1-way counts | ${figure(metrics.marginalError.oneWay)} |`,
    `| Mean absolute error, 2-way counts | ${figure(metrics.marginalError.twoWay)} |`,
    `| Mean absolute error, 3-way counts | ${figure(metrics.marginalError.threeWay)} |`,
    `| Combinations not in the real data | ${metrics.combinationsFabricated} (${percent(metrics.combinationsFabricatedShare)}) |`,
    '',
    'Errors are the mean, over every combination of 1, 2 or 3 values present in the real or the released records,',
    'of the absolute difference of their counts. These figures were computed on the real records and are not themselves noisy.',
    '',
  );

  out.push('## Citation', '');
  out.push(
    'Kinga national counter-trafficking platform, data release: ' + input.title + ` (${input.createdAt.slice(0, 10)}).`,
  );
  if (input.includesCtdc) {
    out.push(
      '',
      'This release includes records of the Counter Trafficking Data Collaborative (CTDC). Cite: Counter Trafficking Data',
      'Collaborative (CTDC), Global Dataset, https://www.ctdatacollaborative.org (accessed as imported into Kinga).',
    );
  }
  out.push('');
  return out.join('\n');
}

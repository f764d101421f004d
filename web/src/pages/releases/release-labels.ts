import {
  CTDC_FLAG_VARIABLES,
  RELEASE_PROFILE_ATTRIBUTES,
  STAT_FLAG_FAMILIES,
  type ReleaseAttributeGroup,
  type StatFlagFamily,
} from '@kinga/shared/picklists';
import type { MessageKey } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { statKeyLabel } from '../analytics/charts/stat-labels.ts';

type ProfileAttribute = (typeof RELEASE_PROFILE_ATTRIBUTES)[number];

function isProfileAttribute(attribute: string): attribute is ProfileAttribute {
  return (RELEASE_PROFILE_ATTRIBUTES as readonly string[]).includes(attribute);
}

/** Flag family and value of each CTDC flag variable ("isForcedLabour" → exploitation, ForcedLabour). */
const FLAG_OF_VARIABLE = new Map<string, { family: StatFlagFamily; value: string }>(
  (Object.keys(STAT_FLAG_FAMILIES) as StatFlagFamily[]).flatMap((family) =>
    Object.entries(CTDC_FLAG_VARIABLES[family] as Record<string, string | undefined>).flatMap(([value, name]) =>
      name ? [[name, { family, value }] as const] : [],
    ),
  ),
);

/** The translated label of a release attribute given by its CTDC variable name; the name itself if unknown. */
export function attributeLabel(t: Translate, attribute: string): string {
  if (isProfileAttribute(attribute)) return t(`releases.attr.${attribute}` satisfies MessageKey);
  const flag = FLAG_OF_VARIABLE.get(attribute);
  return flag ? statKeyLabel(t, flag.family, flag.value) : attribute;
}

/** "Sex (gender)": the translated label followed by the CTDC variable name the file uses. */
export function attributeLabelWithName(t: Translate, attribute: string): string {
  const label = attributeLabel(t, attribute);
  return label === attribute ? attribute : t('releases.attrWithName', { label, name: attribute });
}

/** The translated name of a group of attributes on the release form. */
export function attributeGroupLabel(t: Translate, group: ReleaseAttributeGroup): string {
  return t(`releases.group.${group}` satisfies MessageKey);
}

/** The server's names of generalisation levels (server/src/lib/privacy/k-anonymity.ts) and their messages. */
const GENERALISATION_LEVELS: Record<string, MessageKey> = {
  value: 'releases.level.value',
  'minor/adult': 'releases.level.minorAdult',
  '5-year span': 'releases.level.fiveYears',
  'UN region': 'releases.level.unRegion',
  withheld: 'releases.level.withheld',
};

/** The translated name of how coarse a quasi-identifier was made; the server's wording if it is a new level. */
export function generalisationLabel(t: Translate, level: string): string {
  const key = GENERALISATION_LEVELS[level];
  return key ? t(key) : level;
}

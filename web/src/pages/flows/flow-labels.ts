import type { StatDimension } from '@kinga/shared/picklists';
import type { Translate } from '../../i18n/i18n.tsx';
import { statKeyLabel } from '../analytics/charts/stat-labels.ts';
import { OTHER } from './sankey-layout.ts';

/** A place's label in the flow views: "Other" for merged nodes, "No transit recorded" for an unknown transit. */
export function flowKeyLabel(t: Translate, dimension: StatDimension, key: string | null): string {
  if (key === OTHER) return t('flows.other');
  if (key === null && dimension === 'countryOfTransit') return t('flows.noTransit');
  return statKeyLabel(t, dimension, key);
}

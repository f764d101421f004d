import {
  releaseMetricsSchema,
  releaseParamsSchema,
  type ReleaseDto,
  type ReleaseMethod,
  type ReleaseSource,
} from '@kinga/shared';
import type { ReleaseSummaryRow } from './releases.repository.ts';

/** A release row as the API shows it (never the files themselves). */
export function presentRelease(row: ReleaseSummaryRow): ReleaseDto {
  return {
    id: row.id,
    title: row.title,
    method: row.method as ReleaseMethod,
    source: row.source as ReleaseSource,
    attributes: JSON.parse(row.attributes_json) as string[],
    params: releaseParamsSchema.parse(JSON.parse(row.params_json)),
    metrics: releaseMetricsSchema.parse(JSON.parse(row.metrics_json)),
    createdAt: row.created_at,
    createdBy: { id: row.created_by, name: row.created_by_name },
  };
}

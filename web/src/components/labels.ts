import type { InstanceDto } from '@kinga/shared';

/** The county's name for a code, or an empty string. */
export function countyName(instance: InstanceDto, code: number | null): string {
  if (code === null) return '';
  return instance.counties.find((c) => c.code === code)?.name ?? String(code);
}

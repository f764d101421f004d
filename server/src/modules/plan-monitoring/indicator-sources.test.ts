import { DISAGGREGATIONS, INDICATOR_SOURCES } from '@kinga/shared';
import { describe, expect, it } from 'vitest';
import { INDICATOR_SOURCE_REGISTRY, indicatorSource } from './indicator-sources.ts';
import { listIndicatorSources } from './indicators.service.ts';

describe('indicator source registry', () => {
  it('registers a computation for every source but manual, and nothing else', () => {
    const computed = INDICATOR_SOURCES.filter((s) => s !== 'manual');
    expect(Object.keys(INDICATOR_SOURCE_REGISTRY).sort()).toEqual([...computed].sort());
    for (const name of computed) {
      const definition = indicatorSource(name);
      expect(definition, name).toBeDefined();
      expect(typeof definition?.compute).toBe('function');
      expect(definition?.disaggregations.every((d) => DISAGGREGATIONS.includes(d))).toBe(true);
    }
    expect(indicatorSource('manual')).toBeUndefined();
  });

  it('GET /indicator-sources lists manual and every registered source once', () => {
    const names = listIndicatorSources().map((s) => s.name);
    expect(names).toEqual(['manual', ...INDICATOR_SOURCES.filter((s) => s !== 'manual')]);
  });
});

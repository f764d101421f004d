import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/en.ts';
import { en } from '../../i18n/en.ts';
import type { Translate } from '../../i18n/i18n.tsx';
import { interpolate } from '../../i18n/interpolate.ts';
import { sw } from '../../i18n/sw.ts';
import { elementFormErrors, planErrorMessage, planOverrides } from './plan-errors.ts';

const tEn: Translate = (key: MessageKey, values) => interpolate(en[key], values);
const tSw: Translate = (key: MessageKey, values) => interpolate(sw[key], values);

const validation = (issues: { path: string; message: string; code: string }[]) =>
  new ApiError({ status: 400, code: 'validation_failed', title: 'The request is not valid', issues });

describe('elementFormErrors', () => {
  const fields = ['title', 'startDate', 'supportingAgencyIds', 'targets'];

  it('puts the server issues of an element at its fields, inside `fields` (PATCH) or not (POST)', () => {
    const error = validation([
      { path: 'body.fields.startDate', message: 'Must fall in the plan period 2027–2031', code: 'outside_plan_period' },
      { path: 'body.supportingAgencyIds.1', message: 'No such agency', code: 'unknown_agency' },
      { path: 'body.targets.0.year', message: 'Must be a year of the plan period', code: 'outside_plan_period' },
    ]);
    expect(elementFormErrors(error, fields, tEn, 'en', '2027–2031')).toEqual({
      fields: {
        startDate: 'This must fall within the plan period, 2027–2031.',
        supportingAgencyIds: en['errors.unknownAgency'],
        targets: 'This must fall within the plan period, 2027–2031.',
      },
      general: [],
    });
  });

  it('words the plans issues in Swahili and keeps an issue about no field as a sentence', () => {
    const error = validation([
      { path: 'body.parentKey', message: 'An objective sits under a pillar', code: 'parent_kind_not_allowed' },
      { path: 'body.fields.startDate', message: 'Must fall in the plan period', code: 'outside_plan_period' },
    ]);
    const found = elementFormErrors(error, fields, tSw, 'sw', '2027–2031');
    expect(found?.fields.startDate).toBe('Hii inapaswa kuwa ndani ya kipindi cha mpango, 2027–2031.');
    expect(found?.general).toEqual([sw['plans.error.parent']]);
  });

  it('leaves an answer without field issues to the shared handling', () => {
    expect(
      elementFormErrors(new ApiError({ status: 409, code: 'version_locked', title: 'x' }), fields, tEn, 'en'),
    ).toBe(null);
    expect(elementFormErrors(new Error('boom'), fields, tEn, 'en')).toBeNull();
  });
});

describe('planErrorMessage and planOverrides', () => {
  it('says why the plans API refused, in the reader language', () => {
    const locked = new ApiError({ status: 409, code: 'version_locked', title: 'Only a draft version can be changed' });
    expect(planErrorMessage(locked, tEn)).toBe(en['plans.error.versionLocked']);
    expect(planErrorMessage(locked, tSw)).toBe(sw['plans.error.versionLocked']);
    const member = new ApiError({ status: 403, code: 'not_a_member', title: 'Only agencies on the task force' });
    expect(planErrorMessage(member, tEn)).toBe(en['plans.comments.notMember']);
    expect(planOverrides(locked, tEn)).toEqual({ version_locked: en['plans.error.versionLocked'] });
  });

  it('falls back to the generic sentences for other failures', () => {
    expect(planErrorMessage(new ApiError({ status: 404, code: 'not_found', title: 'x' }), tEn)).toBe(
      en['errors.notFound'],
    );
    expect(planOverrides(new ApiError({ status: 404, code: 'not_found', title: 'x' }), tEn)).toEqual({});
  });
});

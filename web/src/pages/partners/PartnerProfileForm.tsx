import { useState, type FormEvent } from 'react';
import {
  ACTIVITY_AREAS,
  COORDINATION_BODIES,
  MEMBERSHIP_ROLES,
  type ActivityArea,
  type County,
  type MembershipRole,
} from '@kinga/shared/picklists';
import type { PartnerDto, PartnerProfileInput } from '@kinga/shared';
import { updatePartner } from '../../api/coordination.ts';
import { CheckboxGroup, RadioGroup } from '../../components/CheckboxGroup.tsx';
import { ErrorSummary, Field, isEmail, isPhone, useFormErrors, type FieldErrors } from '../../components/forms.tsx';
import { useLanguage, type Translate } from '../../i18n/i18n.tsx';
import { vocabLabel } from '../../i18n/vocab.ts';

const FIELDS = ['mandate', 'focalPersons', 'memberships', 'presence'] as const;
const MANDATE_MAX = 4000;
const FOCAL_MAX = 20;

interface FocalRow {
  key: string;
  name: string;
  title: string;
  email: string;
  phone: string;
}
interface PresenceRow {
  key: string;
  area: ActivityArea | '';
  scope: 'national' | 'counties';
  countyCodes: string[];
}
type Memberships = Record<(typeof COORDINATION_BODIES)[number], { role: MembershipRole | ''; since: string }>;

const newKey = () => crypto.randomUUID();

function membershipsOf(partner: PartnerDto): Memberships {
  const result = {} as Memberships;
  for (const body of COORDINATION_BODIES) {
    const m = partner.memberships.find((x) => x.body === body);
    result[body] = { role: m?.role ?? '', since: m?.since ?? '' };
  }
  return result;
}

/** Counties to tick, folded once some are chosen; the summary names the first few. */
function CountyPicker({
  id,
  counties,
  selected,
  error,
  onChange,
}: {
  id: string;
  counties: readonly County[];
  selected: string[];
  error: string | undefined;
  onChange: (next: string[]) => void;
}) {
  const { t } = useLanguage();
  const [open, setOpen] = useState(selected.length === 0);
  const names = new Map(counties.map((c) => [String(c.code), c.name]));
  return (
    <details
      className="disclosure county-picker"
      open={open || error !== undefined}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>
        {selected.length === 0
          ? t('partners.edit.chooseCounties')
          : t('partners.edit.countiesChosen', {
              count: selected.length,
              names:
                selected
                  .slice(0, 3)
                  .map((c) => names.get(c) ?? c)
                  .join(', ') + (selected.length > 3 ? ', …' : ''),
            })}
      </summary>
      <CheckboxGroup
        id={id}
        legend={t('partners.edit.counties')}
        error={error}
        codes={counties.map((c) => String(c.code))}
        labelOf={(code) => names.get(code) ?? code}
        selected={selected}
        onChange={onChange}
        columns
      />
    </details>
  );
}

/** Checks the rows before sending; keys are `focal-<key>-<field>` and `presence-<key>` to place messages. */
export function checkProfile(
  focal: readonly FocalRow[],
  presence: readonly PresenceRow[],
  mandate: string,
  t: Translate,
): FieldErrors {
  const errors: FieldErrors = {};
  if (mandate.trim().length > MANDATE_MAX) errors.mandate = 'tooLong';
  for (const row of focal) {
    if (!row.name.trim()) errors[`focal-${row.key}-name`] = t('errors.required');
    if (row.email.trim() && !isEmail(row.email)) errors[`focal-${row.key}-email`] = t('errors.email');
    if (row.phone.trim() && !isPhone(row.phone)) errors[`focal-${row.key}-phone`] = t('errors.phone');
  }
  const seen = new Set<string>();
  for (const row of presence) {
    if (!row.area) errors[`presence-${row.key}-area`] = t('errors.required');
    else if (seen.has(row.area)) errors[`presence-${row.key}-area`] = t('partners.edit.areaTwice');
    else seen.add(row.area);
    if (row.scope === 'counties' && row.countyCodes.length === 0) {
      errors[`presence-${row.key}-counties`] = t('partners.edit.countiesRequired');
    }
  }
  return errors;
}

/**
 * Edits a partner profile: mandate, focal persons, where the agency works (by area: the whole
 * country or chosen counties) and, for the secretariat, memberships of the coordination bodies.
 */
export function PartnerProfileForm({
  partner,
  counties,
  editMemberships,
  onSaved,
  onCancel,
}: {
  partner: PartnerDto;
  counties: readonly County[];
  editMemberships: boolean;
  onSaved: (partner: PartnerDto) => void;
  onCancel: () => void;
}) {
  const { t } = useLanguage();
  const formId = 'partner';
  const errors = useFormErrors();
  const [pending, setPending] = useState(false);
  const [mandate, setMandate] = useState(partner.mandate ?? '');
  const [focal, setFocal] = useState<FocalRow[]>(() =>
    partner.focalPersons.map((p) => ({
      key: newKey(),
      name: p.name,
      title: p.title ?? '',
      email: p.email ?? '',
      phone: p.phone ?? '',
    })),
  );
  const [memberships, setMemberships] = useState<Memberships>(() => membershipsOf(partner));
  const [presence, setPresence] = useState<PresenceRow[]>(() =>
    partner.presence.map((p) => ({
      key: newKey(),
      area: p.area,
      scope: p.national ? 'national' : 'counties',
      countyCodes: p.countyCodes.map(String),
    })),
  );
  const sectionLabels = {
    mandate: t('partners.mandate'),
    focalPersons: t('partners.focalPersons'),
    memberships: t('partners.memberships'),
    presence: t('partners.areas'),
  };
  const labels: Record<string, string> = { ...sectionLabels };
  focal.forEach((row, i) => {
    const n = i + 1;
    labels[`focal-${row.key}-name`] = t('partners.edit.focalField', { n, field: t('partners.edit.name') });
    labels[`focal-${row.key}-email`] = t('partners.edit.focalField', { n, field: t('partners.edit.email') });
    labels[`focal-${row.key}-phone`] = t('partners.edit.focalField', { n, field: t('partners.edit.phone') });
  });
  presence.forEach((row, i) => {
    const n = i + 1;
    labels[`presence-${row.key}-area`] = t('partners.edit.areaRow', { n });
    labels[`presence-${row.key}-counties`] = t('partners.edit.areaRow', { n });
  });

  const setFocalField = (key: string, field: keyof Omit<FocalRow, 'key'>, value: string) =>
    setFocal((rows) => rows.map((r) => (r.key === key ? { ...r, [field]: value } : r)));
  const setPresenceRow = (key: string, change: Partial<PresenceRow>) =>
    setPresence((rows) => rows.map((r) => (r.key === key ? { ...r, ...change } : r)));

  const handleSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const fieldErrors = checkProfile(focal, presence, mandate, t);
    if (fieldErrors.mandate) fieldErrors.mandate = t('errors.tooLong', { max: MANDATE_MAX });
    if (Object.keys(fieldErrors).length > 0) return errors.fail(fieldErrors);
    const input: PartnerProfileInput = {
      mandate: mandate.trim(),
      focalPersons: focal.map((r) => ({
        name: r.name.trim(),
        title: r.title.trim(),
        email: r.email.trim(),
        phone: r.phone.trim(),
      })),
      presence: presence.flatMap((r) =>
        r.area
          ? [
              {
                area: r.area,
                national: r.scope === 'national',
                countyCodes: r.scope === 'national' ? [] : r.countyCodes.map(Number),
              },
            ]
          : [],
      ),
    };
    if (editMemberships) {
      input.memberships = COORDINATION_BODIES.flatMap((body) => {
        const m = memberships[body];
        return m.role ? [{ body, role: m.role, since: m.since || null }] : [];
      });
    }
    setPending(true);
    try {
      const saved = await updatePartner(partner.agencyId, input);
      errors.clear();
      onSaved(saved);
    } catch (error) {
      errors.failWith(error, FIELDS);
    } finally {
      setPending(false);
    }
  };

  const usedAreas = new Set(presence.map((r) => r.area));

  return (
    <form id={formId} className="form partner-form" noValidate onSubmit={(e) => void handleSubmit(e)}>
      <ErrorSummary formId={formId} labels={labels} {...errors} />
      <Field
        id={`${formId}-mandate`}
        label={sectionLabels.mandate}
        hint={t('partners.edit.mandateHint')}
        error={errors.fields.mandate}
      >
        {(aria) => (
          <textarea
            {...aria}
            rows={5}
            maxLength={MANDATE_MAX}
            value={mandate}
            onChange={(e) => setMandate(e.target.value)}
          />
        )}
      </Field>

      <fieldset id={`${formId}-focalPersons`} tabIndex={-1} className="plain-fieldset edit-group">
        <legend>{sectionLabels.focalPersons}</legend>
        {errors.fields.focalPersons && <p className="field-error">{errors.fields.focalPersons}</p>}
        {focal.length === 0 && <p className="muted">{t('partners.noFocalPersons')}</p>}
        {focal.map((row, i) => {
          const n = i + 1;
          const id = (field: string) => `${formId}-focal-${row.key}-${field}`;
          return (
            <fieldset key={row.key} className="edit-row">
              <legend>{t('partners.edit.focalPerson', { n })}</legend>
              <Field
                id={id('name')}
                label={t('partners.edit.name')}
                error={errors.fields[`focal-${row.key}-name`]}
                required
              >
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    maxLength={200}
                    value={row.name}
                    onChange={(e) => setFocalField(row.key, 'name', e.target.value)}
                  />
                )}
              </Field>
              <Field id={id('title')} label={t('partners.edit.jobTitle')}>
                {(aria) => (
                  <input
                    {...aria}
                    type="text"
                    maxLength={200}
                    value={row.title}
                    onChange={(e) => setFocalField(row.key, 'title', e.target.value)}
                  />
                )}
              </Field>
              <div className="field-pair">
                <Field
                  id={id('email')}
                  label={t('partners.edit.email')}
                  error={errors.fields[`focal-${row.key}-email`]}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="email"
                      maxLength={254}
                      value={row.email}
                      onChange={(e) => setFocalField(row.key, 'email', e.target.value)}
                    />
                  )}
                </Field>
                <Field
                  id={id('phone')}
                  label={t('partners.edit.phone')}
                  error={errors.fields[`focal-${row.key}-phone`]}
                >
                  {(aria) => (
                    <input
                      {...aria}
                      type="tel"
                      maxLength={40}
                      value={row.phone}
                      onChange={(e) => setFocalField(row.key, 'phone', e.target.value)}
                    />
                  )}
                </Field>
              </div>
              <button
                type="button"
                className="button-secondary"
                onClick={() => setFocal((rows) => rows.filter((r) => r.key !== row.key))}
              >
                {t('partners.edit.removeFocal', { n })}
              </button>
            </fieldset>
          );
        })}
        {focal.length < FOCAL_MAX && (
          <button
            type="button"
            className="button-secondary"
            onClick={() => setFocal((rows) => [...rows, { key: newKey(), name: '', title: '', email: '', phone: '' }])}
          >
            {t('partners.edit.addFocal')}
          </button>
        )}
      </fieldset>

      {editMemberships && (
        <fieldset id={`${formId}-memberships`} tabIndex={-1} className="plain-fieldset edit-group">
          <legend>{sectionLabels.memberships}</legend>
          {errors.fields.memberships && <p className="field-error">{errors.fields.memberships}</p>}
          {COORDINATION_BODIES.map((body) => {
            const m = memberships[body];
            const set = (change: Partial<Memberships[typeof body]>) =>
              setMemberships((all) => ({ ...all, [body]: { ...all[body], ...change } }));
            return (
              <fieldset key={body} className="edit-row">
                <legend>{vocabLabel(t, 'coordinationBody', body)}</legend>
                <div className="field-pair">
                  <Field id={`${formId}-membership-${body}-role`} label={t('partners.edit.role')}>
                    {(aria) => (
                      <select
                        {...aria}
                        value={m.role}
                        onChange={(e) => set({ role: MEMBERSHIP_ROLES.find((r) => r === e.target.value) ?? '' })}
                      >
                        <option value="">{t('partners.edit.notMember')}</option>
                        {MEMBERSHIP_ROLES.map((r) => (
                          <option key={r} value={r}>
                            {vocabLabel(t, 'membershipRole', r)}
                          </option>
                        ))}
                      </select>
                    )}
                  </Field>
                  {m.role && (
                    <Field id={`${formId}-membership-${body}-since`} label={t('partners.edit.since')}>
                      {(aria) => (
                        <input {...aria} type="date" value={m.since} onChange={(e) => set({ since: e.target.value })} />
                      )}
                    </Field>
                  )}
                </div>
              </fieldset>
            );
          })}
        </fieldset>
      )}

      <fieldset id={`${formId}-presence`} tabIndex={-1} className="plain-fieldset edit-group">
        <legend>{sectionLabels.presence}</legend>
        <p className="hint">{t('partners.edit.presenceHint')}</p>
        {errors.fields.presence && <p className="field-error">{errors.fields.presence}</p>}
        {presence.map((row, i) => {
          const n = i + 1;
          const base = `${formId}-presence-${row.key}`;
          return (
            <fieldset key={row.key} className="edit-row">
              <legend>{row.area ? vocabLabel(t, 'activityArea', row.area) : t('partners.edit.areaRow', { n })}</legend>
              <Field
                id={`${base}-area`}
                label={t('partners.edit.area')}
                error={errors.fields[`presence-${row.key}-area`]}
                required
              >
                {(aria) => (
                  <select
                    {...aria}
                    value={row.area}
                    onChange={(e) =>
                      setPresenceRow(row.key, { area: ACTIVITY_AREAS.find((a) => a === e.target.value) ?? '' })
                    }
                  >
                    <option value="">{t('partners.edit.chooseArea')}</option>
                    {ACTIVITY_AREAS.filter((a) => a === row.area || !usedAreas.has(a)).map((a) => (
                      <option key={a} value={a}>
                        {vocabLabel(t, 'activityArea', a)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <RadioGroup<'national' | 'counties'>
                id={`${base}-scope`}
                name={`${base}-scope`}
                legend={t('partners.edit.where')}
                codes={['national', 'counties']}
                labelOf={(code) => t(code === 'national' ? 'partners.edit.national' : 'partners.edit.someCounties')}
                value={row.scope}
                onChange={(scope) => setPresenceRow(row.key, { scope })}
              />
              {row.scope === 'counties' && (
                <CountyPicker
                  id={`${base}-counties`}
                  counties={counties}
                  selected={row.countyCodes}
                  error={errors.fields[`presence-${row.key}-counties`]}
                  onChange={(next) => setPresenceRow(row.key, { countyCodes: next })}
                />
              )}
              <button
                type="button"
                className="button-secondary"
                onClick={() => setPresence((rows) => rows.filter((r) => r.key !== row.key))}
              >
                {t('partners.edit.removeArea', {
                  area: row.area ? vocabLabel(t, 'activityArea', row.area) : t('partners.edit.areaRow', { n }),
                })}
              </button>
            </fieldset>
          );
        })}
        {presence.length < ACTIVITY_AREAS.length && (
          <button
            type="button"
            className="button-secondary"
            onClick={() =>
              setPresence((rows) => [...rows, { key: newKey(), area: '', scope: 'national', countyCodes: [] }])
            }
          >
            {t('partners.edit.addArea')}
          </button>
        )}
      </fieldset>

      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {t('partners.edit.save')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('meetings.cancelEdit')}
        </button>
      </div>
    </form>
  );
}

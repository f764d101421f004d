import type { SharedSection } from '@kinga/shared';
import type { AppContext } from '../../context.ts';
import { newId, nowIso } from '../../db/ids.ts';

/**
 * Test fixtures of the case-records integration tests: a case shared by an accepted referral,
 * written straight to the tables so these tests do not depend on the referral workflow.
 */

/** The id of a case from its code. */
export async function caseIdOf(ctx: AppContext, code: string): Promise<string> {
  const row = await ctx.db.selectFrom('cases').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  return row.id;
}

/** Opens a case to another agency as an accepted referral under a referral consent for the given sections. */
export async function shareCase(
  ctx: AppContext,
  caseId: string,
  to: { agencyId: string; sections: readonly SharedSection[] },
): Promise<void> {
  const owner = await ctx.db
    .selectFrom('cases')
    .select(['agency_id', 'created_by'])
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const consentId = newId();
  await ctx.db
    .insertInto('consents')
    .values({
      id: consentId,
      case_id: caseId,
      purpose: 'referral',
      agency_id: to.agencyId,
      sections: JSON.stringify(to.sections),
      method: 'written',
      given_on: now.slice(0, 10),
      guardian_name_enc: null,
      best_interest_note_enc: null,
      recorded_by: owner.created_by,
      recorded_at: now,
      withdrawn_at: null,
      withdrawn_by: null,
      withdrawal_reason_enc: null,
    })
    .execute();
  await ctx.db
    .insertInto('referrals')
    .values({
      id: newId(),
      case_id: caseId,
      kind: 'referral',
      status: 'accepted',
      from_agency_id: owner.agency_id,
      to_agency_id: to.agencyId,
      services: JSON.stringify(['Shelter']),
      reason: 'AdditionalServicesRequired',
      details_enc: null,
      consent_id: consentId,
      consent_override_by: null,
      consent_override_reason_enc: null,
      created_by: owner.created_by,
      created_at: now,
      approved_by: null,
      approved_at: null,
      respond_by: null,
      responded_by: null,
      responded_at: now,
      decline_reason_enc: null,
      completed_at: null,
      revoked_by: null,
      revoked_at: null,
      updated_at: now,
    })
    .execute();
}

/** Small real files of each kind, and impostors. */
export const SAMPLE_FILES = {
  /** A 1×1 PNG. */
  png: Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
    'base64',
  ),
  /** A one-page PDF whose text is a canary for the at-rest check. */
  pdf: Buffer.from(
    [
      '%PDF-1.4',
      '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
      '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
      '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >> endobj',
      '4 0 obj << /Length 58 >> stream',
      'BT /F1 12 Tf 20 100 Td (Statement of Wanjiku Canary-7731) Tj ET',
      'endstream endobj',
      'trailer << /Root 1 0 R >>',
      '%%EOF',
    ].join('\n'),
    'latin1',
  ),
  /** The start of a JPEG (JFIF). */
  jpeg: Buffer.concat([
    Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
    Buffer.from('JFIF\0', 'latin1'),
    Buffer.alloc(64),
  ]),
  /** A Windows executable, whatever it is called. */
  exe: Buffer.concat([Buffer.from('MZ', 'latin1'), Buffer.from([0x90, 0, 3, 0, 0, 0, 4, 0]), Buffer.alloc(120)]),
  text: Buffer.from('Just some plain text, not a document.\n', 'utf8'),
} as const;

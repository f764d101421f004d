import type { ListReferralsQuery, ReferralDto, ReferralInput } from '@kinga/shared';
import { request, type Page, type QueryOf } from './client.ts';
import { itemsOf } from './intake.ts';

export type { ListReferralsQuery, ReferralInput };

const referralPath = (id: string) => `/api/v1/referrals/${encodeURIComponent(id)}`;
const caseReferralsPath = (code: string) => `/api/v1/cases/${encodeURIComponent(code)}/referrals`;

/** The referrals and transfers made for one case (owning agency). */
export const listCaseReferrals = async (code: string) =>
  itemsOf(await request<Page<ReferralDto> | ReferralDto[]>('GET', caseReferralsPath(code)));

/**
 * Refers a case to another agency. Without an active referral consent for that agency the
 * server answers `consent_required`; a supervisor may resend with `consentOverrideReason`.
 */
export const referCase = (code: string, input: ReferralInput) =>
  request<ReferralDto>('POST', caseReferralsPath(code), { body: input });

/** Incoming and outgoing referrals of the caller's agency. */
export const listReferrals = (query: QueryOf<ListReferralsQuery>) =>
  request<Page<ReferralDto>>('GET', '/api/v1/referrals', { query: { ...query } });

export const getReferral = (id: string) => request<ReferralDto>('GET', referralPath(id));

export const acceptReferral = (id: string) => request<ReferralDto>('POST', `${referralPath(id)}/accept`, { body: {} });

export const declineReferral = (id: string, reason: string) =>
  request<ReferralDto>('POST', `${referralPath(id)}/decline`, { body: { reason } });

export const completeReferral = (id: string) =>
  request<ReferralDto>('POST', `${referralPath(id)}/complete`, { body: {} });

/** The sending agency withdraws its referral. */
export const revokeReferral = (id: string) => request<ReferralDto>('POST', `${referralPath(id)}/revoke`, { body: {} });

/** The sending agency's supervisor lets a transfer go to the receiving agency. */
export const approveTransfer = (id: string) =>
  request<ReferralDto>('POST', `${referralPath(id)}/approve`, { body: {} });

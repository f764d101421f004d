import type { CreateReleaseInput, ReleaseDto } from '@kinga/shared';
import { request, type Page } from './client.ts';

export type { CreateReleaseInput, ReleaseDto };

const releasePath = (id: string) => `/api/v1/releases/${encodeURIComponent(id)}`;

/** The releases built so far, newest first, page by page. */
export const listReleases = (query: { cursor?: string | undefined; limit?: number }) =>
  request<Page<ReleaseDto>>('GET', '/api/v1/releases', { query: { ...query } });

export const getRelease = (id: string) => request<ReleaseDto>('GET', releasePath(id));

/** Builds a release on the server (this can take several seconds on large data) and keeps it. */
export const createRelease = (input: CreateReleaseInput) =>
  request<ReleaseDto>('POST', '/api/v1/releases', { body: input });

/** Where the browser downloads the release's records (CSV with CTDC variable names); the session cookie goes along. */
export const releaseCsvUrl = (id: string) => `${releasePath(id)}/data.csv`;

/** Where the browser downloads the release's generated codebook. */
export const releaseCodebookUrl = (id: string) => `${releasePath(id)}/codebook`;

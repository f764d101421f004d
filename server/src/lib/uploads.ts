import { ATTACHMENT_MEDIA_TYPES } from '@kinga/shared';
import { fileTypeFromBuffer } from 'file-type';
import { badRequest, HttpProblem, validationFailed } from '../http/errors.ts';

/**
 * Files uploaded as a raw body with their URI-encoded name in `X-File-Name`: case
 * attachments and progress-report evidence. One set of checks for both.
 */

export const MAX_FILE_NAME_LENGTH = 200;
export type AttachmentMediaType = (typeof ATTACHMENT_MEDIA_TYPES)[number];

/**
 * The original name of an uploaded file from its URI-encoded `X-File-Name` header: the last
 * path segment only, without control or invisible formatting characters (a right-to-left
 * override can disguise `gpj.exe` as `exe.jpg`). Null when nothing usable is left or the
 * header is not valid URI encoding; the caller checks the length.
 */
export function cleanFileName(header: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(header);
  } catch {
    return null;
  }
  const name = (decoded.split(/[/\\]/).at(-1) ?? '')
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, '')
    .trim();
  return name === '' || /^\.+$/.test(name) ? null : name;
}

/** The length of a name as a person counts it: in characters, not UTF-16 units. */
export function fileNameLength(name: string): number {
  return [...name].length;
}

/**
 * The media type of a file judged by its content (magic numbers), never by its name or the
 * type the client declared; null when it is not one of `accepted`.
 */
export async function detectMediaType<T extends string>(
  content: Uint8Array,
  accepted: readonly T[],
): Promise<T | null> {
  let detected: string | undefined;
  try {
    detected = (await fileTypeFromBuffer(content))?.mime;
  } catch {
    // A malformed file some detector chokes on is simply not an accepted type.
    return null;
  }
  return accepted.find((t) => t === detected) ?? null;
}

/** The media type of a case attachment, or null when Kinga does not accept it there. */
export function detectAttachmentType(content: Uint8Array): Promise<AttachmentMediaType | null> {
  return detectMediaType(content, ATTACHMENT_MEDIA_TYPES);
}

/**
 * The checked name and media type of an upload, or the 400 (name, empty file) or 415
 * (`refusal` names the accepted kinds) that refuses it.
 */
export async function checkUpload<T extends string>(
  fileNameHeader: string,
  content: Buffer | null,
  accepted: readonly T[],
  refusal: string,
): Promise<{ fileName: string; mediaType: T; content: Buffer }> {
  const fileName = cleanFileName(fileNameHeader);
  if (fileName === null || fileNameLength(fileName) > MAX_FILE_NAME_LENGTH) {
    throw validationFailed([
      {
        path: 'headers.x-file-name',
        message: `Give the file's name, URI-encoded, in at most ${MAX_FILE_NAME_LENGTH} characters`,
        code: 'invalid_file_name',
      },
    ]);
  }
  if (!content || content.length === 0) throw badRequest('empty_file', 'The file is empty');
  const mediaType = await detectMediaType(content, accepted);
  if (!mediaType) throw new HttpProblem(415, 'unsupported_media_type', refusal);
  return { fileName, mediaType, content };
}

/**
 * `Content-Disposition: attachment` with the name in RFC 5987/6266 form (`filename*`) and a
 * plain ASCII fallback for old clients.
 */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** An error answer of the API (RFC 9457 problem+json), or a failure to reach it at all. */
export class ApiError extends Error {
  readonly status: number;
  /** The stable slug of the problem type, e.g. `wrong-code` for `https://on-track.ch/problems/wrong-code`. */
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly fieldErrors: Record<string, string>;
  readonly properties: Record<string, unknown>;

  constructor(status: number, problem: Record<string, unknown>) {
    const title = text(problem.title);
    const detail = text(problem.detail);
    super(detail || title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.type = slug(text(problem.type));
    this.title = title;
    this.detail = detail;
    this.fieldErrors = fieldErrors(problem.errors);
    this.properties = problem;
  }

  /** A numeric extension member such as `attemptsLeft`, if the API sent one. */
  number(name: string): number | undefined {
    const value = this.properties[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** True when the request never got an answer (offline, DNS, TLS, aborted). */
  get network(): boolean {
    return this.status === 0;
  }
}

export function networkError(): ApiError {
  return new ApiError(0, { type: 'network' });
}

/** Turns any response that is not 2xx into an ApiError, reading problem+json when there is one. */
export async function problemFrom(response: Response): Promise<ApiError> {
  return new ApiError(response.status, await jsonObject(response.headers.get('content-type'), () => response.text()));
}

export async function jsonObject(
  contentType: string | null,
  read: () => Promise<string> | string,
): Promise<Record<string, unknown>> {
  if (!contentType || !/json/i.test(contentType)) return {};
  try {
    const parsed: unknown = JSON.parse(await read());
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export type ProblemTexts = {
  /** The app's own words for a problem type (the stable slug), in the language shown. */
  byType?: (type: string, error: ApiError) => string | undefined;
  /** Whether the API's English `detail`/`title` may be shown (only when the page is in English). */
  apiWords?: boolean;
};

/**
 * The text to show for an error: the app's translation of the problem type, else the API's own
 * words (English only, see ADR 0271), else the caller's fallback.
 */
export function errorMessage(error: unknown, fallback: string, offline: string, texts: ProblemTexts = {}): string {
  if (error instanceof ApiError) {
    if (error.network) return offline;
    const own = error.type ? texts.byType?.(error.type, error) : undefined;
    if (own) return own;
    if (texts.apiWords !== false) return error.detail || error.title || fallback;
  }
  return fallback;
}

/** The API's messages per field, or, when they may not be shown (another language), one generic message each. */
export function shownFieldErrors(error: unknown, apiWords: boolean, generic: string): Record<string, string> {
  if (!(error instanceof ApiError)) return {};
  if (apiWords) return error.fieldErrors;
  return Object.fromEntries(Object.keys(error.fieldErrors).map((field) => [field, generic]));
}

export function slug(type: string): string {
  if (!type || type === 'about:blank') return '';
  const trimmed = type.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function fieldErrors(errors: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (!Array.isArray(errors)) return result;
  for (const e of errors) {
    if (e && typeof e === 'object') {
      const field = text((e as Record<string, unknown>).field);
      const message = text((e as Record<string, unknown>).message);
      // The first message per field is the one to fix first.
      if (field && message && !(field in result)) result[field] = message;
    }
  }
  return result;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

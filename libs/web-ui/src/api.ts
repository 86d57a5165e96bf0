import { ApiError, networkError, jsonObject, problemFrom } from './problem';

export type ApiOptions = {
  /** Prefix of every path; empty in the browser because the API lives on the app's own origin. */
  base?: string;
  /** The document's cookies, read for the CSRF token on every unsafe request. */
  cookies?: () => string;
  /** Fetched (GET) before an unsafe request when there is no CSRF cookie yet, e.g. right after sign-out. */
  csrfPath?: string;
  /** Called with every error answer before it is thrown, e.g. to send the user to sign-in on 401. */
  onError?: (error: ApiError) => void;
  /** The language shown now, sent as Accept-Language: the API's defaults (e.g. a new client's language) follow the page. */
  language?: () => string;
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Reads the CSRF token the backend sets in the `XSRF-TOKEN` cookie. */
export function csrfToken(cookies: string, name = 'XSRF-TOKEN'): string | undefined {
  for (const part of cookies.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      try {
        return decodeURIComponent(value);
      } catch {
        return value;
      }
    }
  }
  return undefined;
}

/** JSON over fetch with the CSRF header and problem+json errors mapped to {@link ApiError}. */
export class Api {
  private readonly base: string;
  private readonly cookies: () => string;
  private readonly onError: (error: ApiError) => void;
  private readonly csrfPath?: string;
  private readonly language?: () => string;

  constructor(options: ApiOptions = {}) {
    this.base = options.base ?? '';
    this.cookies = options.cookies ?? (() => (typeof document === 'undefined' ? '' : document.cookie));
    this.onError = options.onError ?? (() => {});
    this.csrfPath = options.csrfPath;
    this.language = options.language;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PUT', path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('PATCH', path, body);
  }

  delete<T = void>(path: string, body?: unknown): Promise<T> {
    return this.request<T>('DELETE', path, body);
  }

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    await this.ensureCsrfCookie(method);
    const headers = this.headers(method);
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let response: Response;
    try {
      response = await fetch(this.base + path, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        credentials: 'same-origin',
      });
    } catch {
      throw this.failed(networkError());
    }
    if (!response.ok) throw this.failed(await problemFrom(response));
    if (response.status === 204) return undefined as T;
    const type = response.headers.get('content-type') ?? '';
    return (type.includes('json') ? await response.json() : undefined) as T;
  }

  /** Multipart upload of one file with progress (fetch cannot report upload progress; XHR can). */
  async upload<T>(
    path: string,
    field: string,
    file: Blob,
    fileName: string,
    onProgress: (fraction: number) => void,
  ): Promise<T> {
    await this.ensureCsrfCookie('POST');
    return new Promise<T>((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', this.base + path);
      for (const [name, value] of Object.entries(this.headers('POST'))) xhr.setRequestHeader(name, value);
      xhr.upload.onprogress = (e) => {
        if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
      };
      xhr.onerror = () => reject(this.failed(networkError()));
      xhr.onabort = () => reject(this.failed(networkError()));
      xhr.onload = async () => {
        const contentType = xhr.getResponseHeader('content-type');
        const body = await jsonObject(contentType, () => xhr.responseText);
        if (xhr.status >= 200 && xhr.status < 300) {
          onProgress(1);
          resolve(body as T);
        } else {
          reject(this.failed(new ApiError(xhr.status, body)));
        }
      };
      const form = new FormData();
      form.append(field, file, fileName);
      xhr.send(form);
    });
  }

  private async ensureCsrfCookie(method: string): Promise<void> {
    if (!this.csrfPath || !UNSAFE.has(method) || csrfToken(this.cookies())) return;
    try {
      await fetch(this.base + this.csrfPath, { credentials: 'same-origin' });
    } catch {
      // the request itself will report the failure
    }
  }

  private failed(error: ApiError): ApiError {
    this.onError(error);
    return error;
  }

  private headers(method: string): Record<string, string> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    if (this.language) headers['Accept-Language'] = this.language();
    if (UNSAFE.has(method)) {
      const token = csrfToken(this.cookies());
      if (token) headers['X-XSRF-TOKEN'] = token;
    }
    return headers;
  }
}

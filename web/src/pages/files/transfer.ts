/**
 * File transfers with progress: downloads (a generated document or workbook, saved under the Korean
 * name the server gives in Content-Disposition) and the upload of a filled plan workbook. They use
 * XMLHttpRequest because fetch() reports no upload progress; otherwise they behave like api() in
 * api/client.ts: the session cookie, the CSRF header on the POST, a 401 sends the user to the login
 * page, and the server's error body becomes an ApiError with its Korean message.
 */
import {
  API_BASE,
  ApiError,
  apiErrorOf,
  CSRF_HEADER,
  getCsrfToken,
  handleUnauthorized,
  noteActivity,
} from '../../api/client';

export interface Progress {
  loaded: number;
  /** Null when the size is not known. */
  total: number | null;
}

/** A problem in the uploaded workbook, placed on its sheet, row and column (docs/excel.md). */
export interface SheetProblem {
  sheet: string | null;
  row: number | null;
  column: string | null;
  header: string | null;
  message: string;
  code: string;
  path?: string;
}

export interface PlanCounts {
  orgStrategicGoals: number;
  orgPerformanceGoals: number;
  deptStrategicGoals: number;
  deptPerformanceGoals: number;
  indicators: number;
  convergenceIndicators: number;
  commonIndicators: number;
  tasks: number;
  departments: number;
}

/** POST /plans/excel/import: the report (src/server/routes/documents.ts importReportSchema). */
export interface ImportReport {
  ok: boolean;
  dryRun: boolean;
  committed: boolean;
  replaced: boolean;
  problems: SheetProblem[];
  warnings: SheetProblem[];
  preview: {
    organization: { code: string; name: string } | null;
    year: number | null;
    title: string | null;
    rows: Record<string, number>;
    counts: PlanCounts | null;
    results: number;
    exists: boolean;
    closed: boolean;
  };
}

/** The workbook's problems an error carries (400 workbook_invalid: `error.problems`, kept in ApiError.extra). */
export function problemsOf(e: unknown): SheetProblem[] {
  const p = e instanceof ApiError ? e.extra.problems : undefined;
  return Array.isArray(p) ? (p as SheetProblem[]) : [];
}

async function errorOf(xhr: XMLHttpRequest, fallback: string): Promise<ApiError> {
  let text = '';
  try {
    const r: unknown = xhr.response;
    text = r instanceof Blob ? await r.text() : typeof r === 'string' ? r : JSON.stringify(r ?? '');
  } catch {
    /* unreadable body */
  }
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return apiErrorOf(xhr.status, xhr.statusText || fallback, body);
}

/** The file name of an RFC 6266 Content-Disposition: `filename*=UTF-8''…` (RFC 8187) first, else `filename`. */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1]!.trim());
    } catch {
      /* malformed: try the plain name */
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/.exec(disposition);
  return plain?.[1] ?? plain?.[2]?.trim() ?? fallback;
}

function send(
  xhr: XMLHttpRequest,
  body: XMLHttpRequestBodyInit | null,
  networkMessage: string,
  signal?: AbortSignal,
): Promise<XMLHttpRequest> {
  return new Promise((resolve, reject) => {
    const abort = () => xhr.abort();
    signal?.addEventListener('abort', abort, { once: true });
    xhr.onload = () => {
      signal?.removeEventListener('abort', abort);
      if (xhr.status === 401) handleUnauthorized();
      if (xhr.status >= 200 && xhr.status < 300) {
        noteActivity();
        resolve(xhr);
      } else void errorOf(xhr, networkMessage).then(reject);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', networkMessage));
    xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    xhr.send(body);
  });
}

/**
 * Downloads `path` (under /api/v1) and hands the file to the browser's download with the server's
 * file name. Returns the name and size.
 */
export async function downloadFile(
  path: string,
  opts: { onProgress?: (p: Progress) => void; networkMessage: string; signal?: AbortSignal },
): Promise<{ fileName: string; size: number }> {
  const xhr = new XMLHttpRequest();
  xhr.open('GET', `${API_BASE}${path}`);
  xhr.responseType = 'blob';
  xhr.withCredentials = true;
  xhr.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
  await send(xhr, null, opts.networkMessage, opts.signal);
  const blob = xhr.response as Blob;
  const fallback = path.split('/').pop() ?? 'download';
  const fileName = fileNameOf(xhr.getResponseHeader('content-disposition'), fallback);
  const href = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = href;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // The download has taken the blob once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { fileName, size: blob.size };
}

/**
 * Uploads a workbook to POST /plans/excel/import (multipart, field `file`), reporting the upload's
 * progress. `dryRun`: check and preview only.
 */
export async function uploadWorkbook(
  file: File,
  opts: {
    dryRun: boolean;
    replace: boolean;
    onProgress?: (p: Progress) => void;
    onSent?: () => void;
    networkMessage: string;
    signal?: AbortSignal;
  },
): Promise<ImportReport> {
  const q = new URLSearchParams();
  if (opts.dryRun) q.set('dryRun', 'true');
  if (opts.replace) q.set('replace', 'true');
  const xhr = new XMLHttpRequest();
  xhr.open('POST', `${API_BASE}/plans/excel/import${q.toString() ? `?${q.toString()}` : ''}`);
  xhr.withCredentials = true;
  xhr.responseType = 'json';
  xhr.setRequestHeader('accept', 'application/json');
  const token = getCsrfToken();
  if (token) xhr.setRequestHeader(CSRF_HEADER, token);
  xhr.upload.onprogress = (e) => opts.onProgress?.({ loaded: e.loaded, total: e.lengthComputable ? e.total : null });
  xhr.upload.onload = () => opts.onSent?.();
  const form = new FormData();
  form.append('file', file, file.name);
  await send(xhr, form, opts.networkMessage, opts.signal);
  return xhr.response as ImportReport;
}

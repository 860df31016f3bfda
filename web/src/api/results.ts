/**
 * TanStack Query hooks for the results workflow (src/server/routes/{results,evidence,inbox}.ts,
 * docs/results-workflow.md): the inbox, one department's entry sheet, one result with its evidence,
 * timeline and abilities, create / edit (with version; 409 when stale), submit / approve / verify /
 * return, comments, bulk entry, evidence upload with progress (XMLHttpRequest, CSRF header) and
 * deletion, one indicator's results, and the reporting calendar (read; set by the planner).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, API_BASE, ApiError, apiErrorOf, CSRF_HEADER, getCsrfToken, noteActivity } from './client';

const enc = encodeURIComponent;

export type { ResultStatus } from '../../../src/domain/results/workflow.js';
/** One result as the API shows it (features/results/present.ts). */
export type { ResultView } from '../../../src/features/results/present.js';
import type { ResultView } from '../../../src/features/results/present.js';
import type { z } from 'zod';
import type { calendarResponse } from '../../../src/contracts/results.js';
import type { CalendarSettings } from '../../../src/domain/results/calendar.js';

export interface EvidenceView {
  id: string;
  resultId: string;
  fileName: string;
  size: number;
  mediaType: string;
  uploadedBy: string | null;
  uploadedAt: string;
  downloadUrl: string;
}

export interface TimelineEntry {
  at: string;
  actor: { id: string | null; name: string };
  action: string;
  fromStatus: string | null;
  toStatus: string | null;
  reason: string;
}

export type Abilities = Partial<
  Record<
    'edit' | 'submit' | 'approve' | 'verify' | 'return' | 'comment' | 'uploadEvidence' | 'downloadEvidence',
    boolean
  >
>;

export interface ResultDetail {
  year: number;
  result: ResultView;
  indicator: { code: string; name: string; target?: number | null; milestones?: { name: string; weight: number }[] };
  deadline: { date: string; overridden: boolean };
  late: boolean | null;
  evidence: EvidenceView[];
  timeline: TimelineEntry[];
  abilities: Abilities;
}

export interface SheetRow {
  indicator: {
    id: string;
    code: string;
    name: string;
    kind: string;
    unit: string;
    measurement: string;
    frequency: string;
    target: number | null;
    milestones: { name: string; weight: number }[];
    role: string;
  };
  result: ResultView | null;
}
export interface EntrySheet {
  year: number;
  department: { id: string; name: string };
  period: string;
  deadline: string;
  rows: SheetRow[];
}

export interface InboxItem {
  indicator: { id: string; code: string; name: string; frequency: string; kind: string };
  department: { id: string; name: string };
  period: string;
  deadline: string;
  state: string;
  resultId: string | null;
}
interface PageOf<T> {
  total: number;
  items: T[];
}
export interface Completion {
  expected: number;
  submitted: number;
  approved: number;
  verified: number;
  rate: number | null;
}
export interface Inbox {
  year: number;
  planStatus: string;
  today: string;
  staff: {
    departments: { id: string; name: string }[];
    due: PageOf<InboxItem>;
    overdue: PageOf<InboxItem>;
    returned: PageOf<InboxItem>;
  } | null;
  head: {
    departments: { id: string; name: string }[];
    awaitingApproval: PageOf<ResultView & { canApprove: boolean }>;
  } | null;
  planner: {
    verificationQueue: PageOf<ResultView>;
    currentPeriods: string[];
    completion: (Completion & { department: { id: string; name: string } })[];
    overall: Completion;
  } | null;
}

export const useInbox = (year: number | undefined, enabled = true) =>
  useQuery({
    queryKey: ['inbox', year],
    enabled,
    queryFn: ({ signal }) => api<Inbox>('/inbox', { query: { year }, signal }),
  });

export const useEntrySheet = (year: number | undefined, department: string, period: string) =>
  useQuery({
    queryKey: ['entry-sheet', year, department, period],
    enabled: year !== undefined && department !== '' && period !== '',
    queryFn: ({ signal }) => api<EntrySheet>(`/plans/${year}/entry-sheet`, { query: { department, period }, signal }),
  });

export const useResult = (id: string | undefined) =>
  useQuery({
    queryKey: ['result', id],
    enabled: !!id,
    queryFn: ({ signal }) => api<ResultDetail>(`/results/${enc(id!)}`, { signal }),
  });

export interface ResultInput {
  actual?: number | null;
  milestonesDone?: string[];
  comment?: string;
}

function useInvalidate() {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: ['result'] });
    void qc.invalidateQueries({ queryKey: ['entry-sheet'] });
    void qc.invalidateQueries({ queryKey: ['inbox'] });
    void qc.invalidateQueries({ queryKey: ['results'] });
    // What the plan pages derive from results: the dashboard's progress, the department scorecard,
    // the indicator page (only the mounted ones refetch).
    void qc.invalidateQueries({ queryKey: ['plans'] });
  };
}

export function useCreateResult(year: number | undefined) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: ResultInput & { indicator: string; department: string; period: string }) =>
      api<ResultView>(`/plans/${year}/results`, { method: 'POST', body }),
    onSuccess: done,
  });
}

export function useUpdateResult() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, ...body }: ResultInput & { id: string; version: number }) =>
      api<ResultView>(`/results/${enc(id)}`, { method: 'PATCH', body }),
    onSuccess: done,
  });
}

export type Step = 'submit' | 'approve' | 'verify';
export function useTransition() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, step, version }: { id: string; step: Step; version?: number }) =>
      api<{ result: ResultView; lateEntryCase: { id: string; detail: string } | null }>(`/results/${enc(id)}/${step}`, {
        method: 'POST',
        body: { version },
      }),
    onSuccess: done,
  });
}

export function useReturnResult() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, reason, version }: { id: string; reason: string; version?: number }) =>
      api<{ result: ResultView }>(`/results/${enc(id)}/return`, { method: 'POST', body: { reason, version } }),
    onSuccess: done,
  });
}

export function useComment() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, text }: { id: string; text: string }) =>
      api<unknown>(`/results/${enc(id)}/comments`, { method: 'POST', body: { text } }),
    onSuccess: done,
  });
}

export interface BulkRow extends ResultInput {
  indicator: string;
  version?: number;
}
export function useBulkEnter(year: number | undefined) {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { department: string; period: string; submit?: boolean; rows: BulkRow[] }) =>
      api<{ created: number; updated: number; submitted: number; results: ResultView[] }>(
        `/plans/${year}/results/bulk`,
        { method: 'POST', body },
      ),
    onSuccess: done,
  });
}

/** Upload one evidence file with progress (0–1) reported as the bytes go out. */
export function uploadEvidence(
  resultId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<EvidenceView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${API_BASE}/results/${enc(resultId)}/evidence`);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    const token = getCsrfToken();
    if (token) xhr.setRequestHeader(CSRF_HEADER, token);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', 'network error'));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON */
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        noteActivity();
        onProgress(1);
        resolve(body as EvidenceView);
        return;
      }
      reject(apiErrorOf(xhr.status, xhr.statusText, body));
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

export function useUploadEvidence() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id, file, onProgress }: { id: string; file: File; onProgress: (f: number) => void }) =>
      uploadEvidence(id, file, onProgress),
    onSuccess: done,
  });
}

/** Removes an evidence file (a draft result of one's own department; the server says 409 otherwise). */
export function useDeleteEvidence() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: ({ id }: { id: string; fileName: string }) =>
      api<{ deleted: string }>(`/evidence/${enc(id)}`, { method: 'DELETE' }),
    // Refused too (already gone, the result submitted meanwhile): the list shows what is there now.
    onSettled: done,
  });
}

/** The results of one indicator the session may read (its own departments, or all for organization-wide readers). */
export const useIndicatorResults = (year: number | undefined, indicator: string, enabled = true) =>
  useQuery({
    queryKey: ['results', year, indicator],
    enabled: enabled && year !== undefined && indicator !== '',
    queryFn: ({ signal }) =>
      api<{ year: number; results: (ResultView & { evidenceCount: number })[] }>(`/plans/${year}/results`, {
        query: { indicator },
        signal,
      }),
  });

/** GET /plans/:year/calendar (contracts/results.ts calendarResponse): `settings` with the defaults filled in,
 * `stored` only what the planner set (PUT sends it back, changed), `version` the plan's (stale → 409). */
export type CalendarView = Omit<z.infer<typeof calendarResponse>, 'settings'> & { settings: CalendarSettings };
export type { CalendarSettings };

export const useCalendar = (year: number | undefined) =>
  useQuery({
    queryKey: ['calendar', year],
    enabled: year !== undefined,
    queryFn: ({ signal }) => api<CalendarView>(`/plans/${year}/calendar`, { signal }),
  });

export function useSetCalendar(year: number | undefined) {
  const qc = useQueryClient();
  const done = useInvalidate();
  return useMutation({
    mutationFn: (body: { version: number; settings: Record<string, unknown> }) =>
      api<CalendarView>(`/plans/${year}/calendar`, { method: 'PUT', body }),
    onSuccess: (view) => {
      qc.setQueryData(['calendar', year], view);
      done();
    },
  });
}

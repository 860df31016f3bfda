/**
 * TanStack Query hooks for the evaluation API (src/server/routes/evaluation.ts, docs/evaluation-api.md):
 * the ranking, one department's breakdown, the what-if (saves nothing), the rater's sheet, bonus
 * awards, qualitative scores, and the planner's close / freeze / re-open. Writes send the row's
 * `version` (optimistic); a 409 carries the current row in the error.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './client';

const enc = encodeURIComponent;

export type EvalMode = 'final' | 'provisional';

export type { ExplanationNode, ExplanationSource } from '../../../src/domain/evaluation/explanation.js';
import type { ExplanationNode } from '../../../src/domain/evaluation/explanation.js';

export interface IndicatorDetail {
  indicator: string;
  name: string;
  kind: 'unique' | 'convergence' | 'common';
  instance: string;
  weight: number;
  value: { value: number | null; formula: string; method: string };
  rate: { ok: true; rate: number; formula: string } | { ok: false; message: string };
  counted: 'rate' | 'zero' | 'excluded';
  scoredRate: number | null;
  achievementPoints: number;
  quality: { score: number | null; formula: string };
  qualityCounted: string;
  qualityPoints: number;
}

export type ScoreKey = 'achievement' | 'quality' | 'qualitative' | 'bonus' | 'penalty' | 'total';

export interface DepartmentScore {
  department: string;
  group: string;
  rankingGroup: string;
  achievement: number;
  quality: number;
  qualitative: number;
  bonus: number;
  penalty: number;
  total: number;
  rank: number;
  grade: string;
  display: Record<ScoreKey, number>;
  explanation?: ExplanationNode;
  indicators?: IndicatorDetail[];
}

export interface EvaluationSource {
  kind: 'live' | 'snapshot' | 'snapshot_input';
  snapshotId: string | null;
  closedAt: string | null;
  closedBy: string | null;
  planStatus: string;
  ratingClosed: boolean;
  note: string;
}

export interface RankingGroup {
  name: string;
  size: number;
  gradeCutoffs: { grade: string; upTo: number }[];
  gradeCounts: Record<string, number>;
}

/** One setting of the year's scheme with its value and whether it is the default (domain/evaluation/scheme). */
export type { SettingValue as SchemeSetting } from '../../../src/domain/evaluation/scheme.js';
import type { SettingValue as SchemeSetting } from '../../../src/domain/evaluation/scheme.js';

export interface EvaluationResponse {
  year: number;
  organization: string;
  mode: EvalMode;
  modeLabel: string;
  asOfPeriod: string | null;
  rankingGroups: RankingGroup[];
  schemeSettings: SchemeSetting[];
  warnings: { path: string; message: string }[];
  departments: DepartmentScore[];
  source: EvaluationSource;
}

export interface DepartmentEvaluationResponse {
  year: number;
  organization: string;
  mode: EvalMode;
  modeLabel: string;
  asOfPeriod: string | null;
  department: DepartmentScore;
  rankingGroup: RankingGroup | null;
  schemeSettings: SchemeSetting[];
  warnings: { path: string; message: string }[];
  source: EvaluationSource;
}

export interface WhatIfChanges {
  actuals?: { indicator: string; department: string; actual: number }[];
  bonusAwards?: { department: string; item: string; points: number }[];
  qualitativeScores?: { department: string; points: number }[];
}
export interface WhatIfOutcome {
  total: number;
  rank: number;
  grade: string;
  rankingGroup: string;
  display: number;
}
export interface WhatIfRow {
  department: string;
  group: string;
  base: WhatIfOutcome;
  alt: WhatIfOutcome;
  totalDiff: number;
  rankChange: number;
  gradeChanged: boolean;
}
export interface WhatIfResponse {
  saved: false;
  departments: WhatIfRow[];
  rankChanges: WhatIfRow[];
}

export interface Rating {
  rater: string;
  representativeness: number | null;
  difficulty: number | null;
  completeness: number | null;
  complete: boolean;
  version: number;
  updatedAt: string;
}
export interface RatingIndicator {
  indicator: string;
  name: string;
  kind: string;
  leadDepartment: string;
  assignedToMe: boolean;
  assignedRaters: string[];
  ratedCount: number | null;
  myRating: Rating | null;
  ratings: Rating[];
}
export interface RatingsResponse {
  year: number;
  planStatus: string;
  ratingClosed: boolean;
  ratingClosedAt: string | null;
  scoresVisible: 'all' | 'own' | 'none';
  canRate: boolean;
  indicators: RatingIndicator[];
}
export type Criterion = 'representativeness' | 'difficulty' | 'completeness';
export const CRITERIA: readonly Criterion[] = ['representativeness', 'difficulty', 'completeness'];

export interface BonusAward {
  department: string;
  item: string;
  itemLabel: string;
  points: number;
  reason: string;
  grantedBy: string;
  version: number;
  updatedAt: string;
}
export interface BonusResponse {
  year: number;
  items: { item: string; label: string; max: number }[];
  canGrant: boolean;
  awards: BonusAward[];
}

export interface QualitativeScore {
  department: string;
  points: number;
  comment: string;
  givenBy: string;
  version: number;
  updatedAt: string;
}
export interface QualitativeResponse {
  year: number;
  max: number;
  canWrite: boolean;
  departments: { department: string; score: QualitativeScore | null }[];
}

export const evaluationKeys = {
  all: (year: number) => ['evaluation', year] as const,
  ranking: (year: number, mode: EvalMode) => ['evaluation', year, 'ranking', mode] as const,
  department: (year: number, name: string, mode: EvalMode) => ['evaluation', year, 'department', name, mode] as const,
  ratings: (year: number) => ['evaluation', year, 'ratings'] as const,
  bonus: (year: number) => ['evaluation', year, 'bonus'] as const,
  qualitative: (year: number) => ['evaluation', year, 'qualitative'] as const,
};

const base = (year: number) => `/plans/${year}/evaluation`;

export function useEvaluation(year: number | undefined, mode: EvalMode, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.ranking(year ?? 0, mode),
    queryFn: ({ signal }) => api<EvaluationResponse>(base(year!), { query: { mode, detail: 'scores' }, signal }),
    enabled: year !== undefined && enabled,
  });
}

export function useDepartmentEvaluation(year: number | undefined, name: string, mode: EvalMode) {
  return useQuery({
    queryKey: evaluationKeys.department(year ?? 0, name, mode),
    queryFn: ({ signal }) =>
      api<DepartmentEvaluationResponse>(`${base(year!)}/departments/${enc(name)}`, { query: { mode }, signal }),
    enabled: year !== undefined && name !== '',
  });
}

/** The what-if: computed on the server from a copy of the year's data; nothing is saved. */
export function useWhatIf(year: number | undefined) {
  return useMutation({
    mutationFn: (input: { changes: WhatIfChanges; mode: EvalMode }) =>
      api<WhatIfResponse>(`${base(year!)}/what-if`, { method: 'POST', body: input }),
  });
}

export function useRatings(year: number | undefined, enabled = true) {
  return useQuery({
    queryKey: evaluationKeys.ratings(year ?? 0),
    queryFn: ({ signal }) => api<RatingsResponse>(`${base(year!)}/ratings`, { signal }),
    enabled: year !== undefined && enabled,
  });
}

/** One rater's scores for one indicator (their own); no cache invalidation so the sheet keeps its edits. */
export function saveRating(
  year: number,
  indicator: string,
  body: Record<Criterion, number | null> & { version?: number },
) {
  return api<Rating & { indicator: string }>(`${base(year)}/ratings/${enc(indicator)}`, { method: 'PUT', body });
}

export function useBonusAwards(year: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.bonus(year ?? 0),
    queryFn: ({ signal }) => api<BonusResponse>(`${base(year!)}/bonus-awards`, { signal }),
    enabled: year !== undefined,
  });
}

export function useGrantBonus(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { department: string; item: string; points: number; reason: string; version?: number }) =>
      api<BonusAward>(`${base(year!)}/bonus-awards/${enc(input.department)}/${enc(input.item)}`, {
        method: 'PUT',
        body: { points: input.points, reason: input.reason, version: input.version },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) }),
  });
}

export function useWithdrawBonus(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { department: string; item: string; version: number }) =>
      api<unknown>(`${base(year!)}/bonus-awards/${enc(input.department)}/${enc(input.item)}`, {
        method: 'DELETE',
        query: { version: input.version },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) }),
  });
}

export function useQualitativeScores(year: number | undefined) {
  return useQuery({
    queryKey: evaluationKeys.qualitative(year ?? 0),
    queryFn: ({ signal }) => api<QualitativeResponse>(`${base(year!)}/qualitative-scores`, { signal }),
    enabled: year !== undefined,
  });
}

export function useSetQualitative(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { department: string; points: number; comment: string; version?: number }) =>
      api<QualitativeScore>(`${base(year!)}/qualitative-scores/${enc(input.department)}`, {
        method: 'PUT',
        body: { points: input.points, comment: input.comment, version: input.version },
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) }),
  });
}

export type ControlAction = 'closeRating' | 'reopenRating' | 'close' | 'reopen';
const CONTROL_PATH: Record<ControlAction, string> = {
  closeRating: 'ratings/close',
  reopenRating: 'ratings/reopen',
  close: 'close',
  reopen: 'reopen',
};

/** The planner's controls: close rating, re-open rating (reason), freeze the year, re-open it (reason). */
export function useEvaluationControl(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { action: ControlAction; reason?: string }) =>
      api<unknown>(`${base(year!)}/${CONTROL_PATH[input.action]}`, {
        method: 'POST',
        body: input.action === 'reopen' || input.action === 'reopenRating' ? { reason: input.reason ?? '' } : {},
      }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) });
      await qc.invalidateQueries({ queryKey: ['plans'] });
    },
  });
}

// ───────────── the planner's administration: rater assignments, the scheme, penalty cases ─────────────

export interface RaterAccount {
  username: string;
  displayName: string;
  departments: string[];
}
export interface AssignmentIndicator {
  indicator: string;
  name: string;
  kind: string;
  leadDepartment: string;
  raters: string[];
  /** Raters who may not rate it (their own department). */
  ineligibleRaters: string[];
}
export interface RaterAssignmentsResponse {
  year: number;
  ratingClosed: boolean;
  editable: boolean;
  raters: RaterAccount[];
  indicators: AssignmentIndicator[];
}
export interface AssignmentChange {
  indicator: string;
  before: string[];
  after: string[];
}
export interface DistributionResponse {
  year: number;
  perIndicator: number;
  dryRun: boolean;
  indicators: number;
  changed: number;
  assignments: (AssignmentChange & { name: string })[];
  short: { indicator: string; eligible: number }[];
  load: { rater: string; displayName: string; before: number; after: number }[];
}

export interface SchemeResponse {
  year: number;
  planStatus: string;
  version: number;
  stored: Record<string, unknown>;
  overrides: Record<string, unknown>;
  settings: SchemeSetting[];
  editable: boolean;
}

import type { z } from 'zod';
import type { penaltyCaseListItemSchema, penaltyCaseViewSchema } from '../../../src/contracts/results.js';
export type PenaltyCase = z.infer<typeof penaltyCaseListItemSchema>;
export interface PenaltyCasesResponse {
  year: number;
  cases: PenaltyCase[];
  counts: { late_entry: number; missing_evidence: number; waived: number };
  canWaive: boolean;
}
export interface CutoffCheckResponse {
  year: number;
  cutoff: string;
  afterCutoff: boolean;
  created: z.infer<typeof penaltyCaseViewSchema>[];
  existing: number;
}

const adminKeys = {
  assignments: (year: number) => ['evaluation', year, 'rater-assignments'] as const,
  scheme: (year: number) => ['evaluation', year, 'scheme'] as const,
  penalties: (year: number) => ['evaluation', year, 'penalty-cases'] as const,
};

export function useRaterAssignments(year: number | undefined) {
  return useQuery({
    queryKey: adminKeys.assignments(year ?? 0),
    queryFn: ({ signal }) => api<RaterAssignmentsResponse>(`${base(year!)}/rater-assignments`, { signal }),
    enabled: year !== undefined,
  });
}

/** Many indicators' raters in one request (all or nothing on the server). */
export function useSetAssignments(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (assignments: { indicator: string; raters: string[] }[]) =>
      api<{ year: number; changed: number; assignments: AssignmentChange[] }>(`${base(year!)}/rater-assignments`, {
        method: 'PUT',
        body: { assignments },
      }),
    onSettled: () => qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) }),
  });
}

/** 고르게 배정: `dryRun` only proposes; otherwise the proposal is saved. */
export function useDistribute(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { perIndicator: number; indicators?: string[]; dryRun: boolean }) =>
      api<DistributionResponse>(`${base(year!)}/rater-assignments/distribute`, { method: 'POST', body: input }),
    onSuccess: (r) => {
      if (!r.dryRun) void qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) });
    },
  });
}

export function useScheme(year: number | undefined) {
  return useQuery({
    queryKey: adminKeys.scheme(year ?? 0),
    queryFn: ({ signal }) => api<SchemeResponse>(`${base(year!)}/scheme`, { signal }),
    enabled: year !== undefined,
  });
}

export function useSaveScheme(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { scheme: Record<string, unknown>; version: number }) =>
      api<SchemeResponse>(`${base(year!)}/scheme`, { method: 'PUT', body: input }),
    onSuccess: (r) => {
      qc.setQueryData(adminKeys.scheme(year ?? 0), r);
      void qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) });
    },
  });
}

export function usePenaltyCases(year: number | undefined) {
  return useQuery({
    queryKey: adminKeys.penalties(year ?? 0),
    queryFn: ({ signal }) => api<PenaltyCasesResponse>(`/plans/${year!}/penalty-cases`, { signal }),
    enabled: year !== undefined,
  });
}

/** The cut-off check (감점 사례 점검): records a missing-evidence case for each submitted result without evidence. */
export function useCutoffCheck(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<CutoffCheckResponse>(`/plans/${year!}/cutoff-check`, { method: 'POST', body: {} }),
    onSuccess: () => qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) }),
  });
}

export function useWaivePenalty(year: number | undefined) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      api<unknown>(`/penalty-cases/${enc(input.id)}/waive`, { method: 'POST', body: { reason: input.reason } }),
    onSettled: () => qc.invalidateQueries({ queryKey: evaluationKeys.all(year ?? 0) }),
  });
}

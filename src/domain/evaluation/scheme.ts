/**
 * 평가체계 — the year's evaluation scheme: every setting of the scoring rules, with the defaults of
 * the 2020 plan (or, where the plan is silent, a documented choice). Stored with the plan as
 * `plan.evaluationScheme` (only the settings that differ from the defaults); `resolveScheme` fills
 * the rest. Every setting has a Korean label and description (`SCHEME_SETTINGS`) so that screens
 * and documents can show which values — and which defaults — an evaluation used.
 * Rules: docs/scoring.md.
 */
import { z } from 'zod';
import { validationError, type ProblemDetail } from '../errors.js';
import { canonicalJson } from '../canonical-json.js';

const statusEnum = z.enum(['draft', 'submitted', 'approved', 'verified']);
const statusList = z
  .array(statusEnum)
  .min(1)
  .refine((l) => new Set(l).size === l.length, '같은 상태가 두 번 있습니다');
const missingRateRule = z.enum(['zero', 'exclude']);
const points = (max: number) => z.number().min(0).max(max);

const gradeShareSchema = z.strictObject({
  grade: z.string().trim().min(1).max(10),
  /** Percent of the ranking group. */
  share: z.number().min(0).max(100),
});

export const DEFAULT_GRADE_SHARES = [
  { grade: 'S', share: 20 },
  { grade: 'A', share: 40 },
  { grade: 'B', share: 30 },
  { grade: 'C', share: 10 },
] as const;

export const evaluationSchemeSchema = z.strictObject({
  achievement: z
    .strictObject({
      weight: points(100).default(50),
      cap: z.number().min(100).max(1000).nullable().default(100),
      lowerIsBetterFormula: z.enum(['ratio', 'difference']).default('ratio'),
      zeroActualLowerRate: z.number().min(0).max(1000).default(200),
      periodAggregation: z.enum(['cumulative', 'sum', 'average']).default('cumulative'),
      countedStatuses: z
        .strictObject({
          final: statusList.default(['verified']),
          provisional: statusList.default(['submitted', 'approved', 'verified']),
        })
        .prefault({}),
      missingRate: z
        .strictObject({
          final: missingRateRule.default('zero'),
          provisional: missingRateRule.default('exclude'),
        })
        .prefault({}),
    })
    .prefault({}),
  quality: z
    .strictObject({
      weight: points(100).default(40),
      criteria: z
        .strictObject({
          representativeness: z.number().min(0).max(1).default(0.4),
          difficulty: z.number().min(0).max(1).default(0.4),
          completeness: z.number().min(0).max(1).default(0.2),
        })
        .prefault({})
        .refine(
          (c) => Math.abs(c.representativeness + c.difficulty + c.completeness - 1) < 1e-9,
          '대표성·난이도·완성도 비중의 합은 1이어야 합니다',
        ),
      trimmedMean: z.boolean().default(false),
      trimmedMeanMinRaters: z.number().int().min(3).max(100).default(3),
      assignedRatersOnly: z.boolean().default(true),
      unratedIndicator: missingRateRule.default('exclude'),
    })
    .prefault({}),
  qualitative: z.strictObject({ weight: points(100).default(5) }).prefault({}),
  bonus: z
    .strictObject({
      itemMax: points(100).default(1),
      totalMax: points(100).default(5),
    })
    .prefault({}),
  penalties: z
    .strictObject({
      overAchievementThreshold: z.number().min(100).max(10_000).default(200),
      overAchievementPoints: points(100).default(1),
      lateEntryPoints: points(100).default(0.5),
      missingEvidencePoints: points(100).default(0.5),
    })
    .prefault({}),
  total: z.strictObject({ minimum: z.number().min(0).max(100).nullable().default(0) }).prefault({}),
  ranking: z
    .strictObject({
      by: z.enum(['all', 'group']).default('all'),
      groupMap: z.record(z.string().trim().min(1), z.string().trim().min(1).max(50)).default({}),
    })
    .prefault({}),
  grades: z
    .strictObject({
      shares: z
        .array(gradeShareSchema)
        .min(1)
        .default(DEFAULT_GRADE_SHARES.map((g) => ({ ...g })))
        .refine((l) => Math.abs(l.reduce((s, g) => s + g.share, 0) - 100) < 1e-9, '등급 비율의 합은 100이어야 합니다')
        .refine((l) => new Set(l.map((g) => g.grade)).size === l.length, '같은 등급 이름이 두 번 있습니다'),
      rounding: z.enum(['half_up', 'floor', 'ceil']).default('half_up'),
    })
    .prefault({}),
});

/** A resolved scheme: every setting present. */
export type EvaluationScheme = z.output<typeof evaluationSchemeSchema>;
/** What `plan.evaluationScheme` may hold: any subset of the settings. */
export type EvaluationSchemeInput = z.input<typeof evaluationSchemeSchema>;

/** Where a default comes from: the plan's text, or a documented choice where the plan is silent. */
export type SettingSource = 'plan' | 'choice';

export interface SchemeSettingInfo {
  path: string;
  label: string;
  labelEn: string;
  description: string;
  source: SettingSource;
  /** The plan's words (source 'plan') or why this default (source 'choice'). */
  basis: string;
}

/** Every setting, in display order. */
export const SCHEME_SETTINGS: readonly SchemeSettingInfo[] = Object.freeze([
  {
    path: 'achievement.weight',
    label: '지표 달성도 배점',
    labelEn: 'Achievement weight',
    description: '지표 달성도 평가의 만점. 부서 달성도 = Σ(가중치 × 인정 달성률) ÷ Σ가중치 × 배점 ÷ 100.',
    source: 'plan',
    basis: '시행계획 IV: 지표 달성도 평가 (50%)',
  },
  {
    path: 'achievement.cap',
    label: '달성률 상한(%)',
    labelEn: 'Achievement rate cap (%)',
    description: '점수에 반영하는 달성률의 상한. 이를 넘는 달성률은 상한으로 봅니다. 비우면(null) 상한 없음.',
    source: 'choice',
    basis: '계획에 없음: 목표 초과분이 점수를 키우지 않도록 100%로 정함 (배점 50을 넘지 않음)',
  },
  {
    path: 'achievement.lowerIsBetterFormula',
    label: '하향지표 달성률 산식',
    labelEn: 'Lower-is-better formula',
    description: "낮을수록 좋은 지표의 달성률. 'ratio' = 목표 ÷ 실적 × 100, 'difference' = (2 − 실적 ÷ 목표) × 100.",
    source: 'choice',
    basis: '계획에 없음: 널리 쓰는 목표 ÷ 실적을 기본으로, (2 − 실적 ÷ 목표)를 선택 가능',
  },
  {
    path: 'achievement.zeroActualLowerRate',
    label: '하향지표 실적 0일 때 달성률(%)',
    labelEn: 'Rate when a lower-is-better actual is 0 (%)',
    description: "하향지표(산식 'ratio')에서 실적이 0(이하)이고 목표가 0보다 크면 나눌 수 없으므로 이 달성률을 줍니다.",
    source: 'choice',
    basis: "계획에 없음: 'difference' 산식이 실적 0에서 주는 값 200% (200% 초과가 아니므로 감점 없음)",
  },
  {
    path: 'achievement.periodAggregation',
    label: '연간 실적 산정 방식',
    labelEn: 'Yearly value from period results',
    description:
      "연간(예: 2020) 실적이 있으면 그것을 씁니다. 없으면 'cumulative' = 가장 최근 기간의 누계 실적, 'sum' = 기간 실적의 합, 'average' = 기간 실적의 평균 (지표 주기의 기간 기준). 마일스톤 지표는 항상 누계.",
    source: 'choice',
    basis: '계획에 없음: 실적은 누계로 입력하는 것을 기본으로 함',
  },
  {
    path: 'achievement.countedStatuses.final',
    label: '최종평가에 반영하는 실적 상태',
    labelEn: 'Result statuses counted (final)',
    description: "최종평가에서 반영하는 실적의 결재 상태. 기본: 'verified'(기획예산과 검증 완료).",
    source: 'plan',
    basis: '시행계획 IV: 각 부서에서 추진실적을 전산입력하고 기획예산과에서 검증 및 평가',
  },
  {
    path: 'achievement.countedStatuses.provisional',
    label: '잠정평가에 반영하는 실적 상태',
    labelEn: 'Result statuses counted (provisional)',
    description: "연중 잠정점수에서 반영하는 실적의 결재 상태. 기본: 'submitted', 'approved', 'verified'.",
    source: 'choice',
    basis: '계획에 없음: 잠정점수는 제출된 실적부터 보여 줌',
  },
  {
    path: 'achievement.missingRate.final',
    label: '달성률 없는 지표 처리 (최종)',
    labelEn: 'Indicator without a rate (final)',
    description: "최종평가에서 실적·목표가 없어 달성률을 낼 수 없는 지표: 'zero' = 0%로 반영, 'exclude' = 제외.",
    source: 'choice',
    basis: '계획에 없음: 실적 미입력이 유리해지지 않도록 0%로 반영',
  },
  {
    path: 'achievement.missingRate.provisional',
    label: '달성률 없는 지표 처리 (잠정)',
    labelEn: 'Indicator without a rate (provisional)',
    description: "잠정평가에서 달성률을 낼 수 없는 지표: 'zero' = 0%로 반영, 'exclude' = 제외.",
    source: 'choice',
    basis: '계획에 없음: 연중에는 아직 실적이 없는 것이 정상이므로 제외',
  },
  {
    path: 'quality.weight',
    label: '지표 성격 배점',
    labelEn: 'Indicator quality weight',
    description: '지표 성격(품질) 평가의 만점. 부서 점수 = 지표 품질점수(0~100)의 가중평균 × 배점 ÷ 100.',
    source: 'plan',
    basis: '시행계획 IV: 지표 성격 평가 (40%)',
  },
  {
    path: 'quality.criteria.representativeness',
    label: '대표성 비중',
    labelEn: 'Representativeness share',
    description: '지표 품질점수 = 대표성 × 비중 + 난이도 × 비중 + 완성도 × 비중 (비중 합 1).',
    source: 'plan',
    basis: '시행계획 IV: 대표성(40%)',
  },
  {
    path: 'quality.criteria.difficulty',
    label: '난이도 비중',
    labelEn: 'Difficulty share',
    description: '지표 품질점수에서 난이도(0~100점)의 비중.',
    source: 'plan',
    basis: '시행계획 IV: 난이도(40%)',
  },
  {
    path: 'quality.criteria.completeness',
    label: '완성도 비중',
    labelEn: 'Completeness share',
    description: '지표 품질점수에서 완성도(0~100점)의 비중.',
    source: 'plan',
    basis: '시행계획 IV: 완성도(20%)',
  },
  {
    path: 'quality.trimmedMean',
    label: '절사평균 사용',
    labelEn: 'Trimmed mean',
    description: '켜면 평가위원이 기준 인원 이상일 때 최고점·최저점 하나씩을 빼고 평균합니다.',
    source: 'choice',
    basis: '계획에 없음(평가위원 수 미정): 기본은 단순평균',
  },
  {
    path: 'quality.trimmedMeanMinRaters',
    label: '절사평균 최소 평가위원 수',
    labelEn: 'Raters needed for the trimmed mean',
    description: '절사평균을 적용하는 최소 평가위원 수 (3 이상).',
    source: 'choice',
    basis: '계획에 없음: 최고·최저를 빼고도 한 명 이상 남도록 3명',
  },
  {
    path: 'quality.assignedRatersOnly',
    label: '배정된 평가위원 점수만 반영',
    labelEn: 'Assigned raters only',
    description: '지표에 평가위원 배정이 있으면 배정되지 않은 위원의 점수는 반영하지 않습니다.',
    source: 'choice',
    basis: '계획에 없음: 평가위원은 배정된 지표만 평가',
  },
  {
    path: 'quality.unratedIndicator',
    label: '평가 안 된 지표 처리',
    labelEn: 'Unrated indicator',
    description:
      "품질 평가가 없는 지표: 'exclude' = 가중평균에서 제외, 'zero' = 0점으로 반영. 평가된 지표가 하나도 없는 부서는 0점.",
    source: 'choice',
    basis: '계획에 없음: 평가 누락은 부서 책임이 아니므로 제외',
  },
  {
    path: 'qualitative.weight',
    label: '정성평가 배점',
    labelEn: 'Qualitative weight',
    description: '구청장 정성평가(0~5점 입력)를 이 배점으로 환산: 점수 ÷ 5 × 배점.',
    source: 'plan',
    basis: '시행계획 IV: 정성평가 반영비율 5% (0~5점 범위 내에서 평점)',
  },
  {
    path: 'bonus.itemMax',
    label: '가점 항목별 상한',
    labelEn: 'Bonus per item, at most',
    description: '가점 항목(교육 참여, 융합지표 협력, 대외기관 경쟁력, 우수사례, 부서 노력도)별 최대 점수.',
    source: 'plan',
    basis: '시행계획 IV: 가점 항목별 배점 1점',
  },
  {
    path: 'bonus.totalMax',
    label: '가점 총 상한',
    labelEn: 'Bonus total, at most',
    description: '가점 합계의 최대.',
    source: 'plan',
    basis: '시행계획 IV: 가점 5개 항목 × 1점 (50 + 40 + 5 + 5 = 100)',
  },
  {
    path: 'penalties.overAchievementThreshold',
    label: '목표초과달성 감점 기준(%)',
    labelEn: 'Over-achievement threshold (%)',
    description: '달성률(상한 적용 전)이 이 값을 초과하는 지표마다 감점합니다.',
    source: 'plan',
    basis: '시행계획 IV: 목표대비 실적 달성률 200% 초과 시 감점',
  },
  {
    path: 'penalties.overAchievementPoints',
    label: '목표초과달성 감점(지표당)',
    labelEn: 'Over-achievement penalty (per indicator)',
    description: '기준을 초과한 지표 하나당 감점.',
    source: 'plan',
    basis: '시행계획 IV: 목표초과달성 −1점 (지표당 적용은 계획에 명시되지 않아 지표마다로 정함)',
  },
  {
    path: 'penalties.lateEntryPoints',
    label: '실적 입력시기 미준수 감점(건당)',
    labelEn: 'Late entry penalty (per case)',
    description: '면제되지 않은 입력시기 미준수 건마다 감점.',
    source: 'plan',
    basis: '시행계획 IV: 실적자료 입력시기 미준수 시 건당 0.5점 감점',
  },
  {
    path: 'penalties.missingEvidencePoints',
    label: '증빙자료 미제출 감점(건당)',
    labelEn: 'Missing evidence penalty (per case)',
    description: '면제되지 않은 증빙자료 미제출 건마다 감점.',
    source: 'plan',
    basis: '시행계획 IV: 실적 증빙자료 미제출 시 건당 0.5점 감점',
  },
  {
    path: 'total.minimum',
    label: '총점 하한',
    labelEn: 'Total, at least',
    description: '감점 후 총점의 하한 (기본 0점). 비우면(null) 하한 없음.',
    source: 'choice',
    basis: '계획에 없음: 점수는 0~100 범위',
  },
  {
    path: 'ranking.by',
    label: '순위 산정 단위',
    labelEn: 'Ranking groups',
    description:
      "'all' = 평가대상 전 부서를 한 그룹으로, 'group' = 부서 구분(본청·박물관·보건소 등)별로 순위를 매깁니다.",
    source: 'choice',
    basis: '계획에 없음: 평가대상 42개 부서를 한 그룹으로',
  },
  {
    path: 'ranking.groupMap',
    label: '순위 그룹 묶기',
    labelEn: 'Ranking group mapping',
    description:
      '\'group\'일 때 부서 구분을 순위 그룹으로 바꿉니다. 예: { "박물관": "본청" }이면 박물관을 본청과 함께 순위.',
    source: 'choice',
    basis: '계획에 없음: 기본은 부서 구분 그대로',
  },
  {
    path: 'grades.shares',
    label: '등급 비율(%)',
    labelEn: 'Grade shares (%)',
    description:
      '순위 그룹 안에서 상위부터 등급별 비율. 누적 인원 = 그룹 인원 × 누적 비율 (반올림). 동점자는 같은 순위·같은 등급.',
    source: 'choice',
    basis: '계획에 없음: S 20%, A 40%, B 30%, C 10%',
  },
  {
    path: 'grades.rounding',
    label: '등급 인원 반올림',
    labelEn: 'Grade count rounding',
    description: "누적 등급 인원의 끝수 처리: 'half_up' = 반올림, 'floor' = 내림, 'ceil' = 올림.",
    source: 'choice',
    basis: '계획에 없음: 반올림',
  },
] satisfies SchemeSettingInfo[]);

/** The scheme with every default. */
export const DEFAULT_SCHEME: EvaluationScheme = deepFreeze(evaluationSchemeSchema.parse({}));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

export type SchemeResolution = { ok: true; scheme: EvaluationScheme } | { ok: false; errors: ProblemDetail[] };

/** Validates the stored settings and fills the defaults; errors in Korean with the setting's path. */
export function safeResolveScheme(partial: unknown = {}): SchemeResolution {
  const parsed = evaluationSchemeSchema.safeParse(partial ?? {});
  if (parsed.success) return { ok: true, scheme: parsed.data };
  const errors: ProblemDetail[] = [];
  for (const issue of parsed.error.issues) {
    const path = issue.path
      .map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`))
      .join('');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const p = path ? `${path}.${key}` : key;
        errors.push({ path: p, code: 'unknown_setting', message: `${p}: 알 수 없는 평가체계 설정입니다` });
      }
      continue;
    }
    errors.push({ path, code: 'invalid_setting', message: `${settingLabel(path)}: ${koreanMessage(issue)}` });
  }
  return { ok: false, errors };
}

/**
 * The full scheme from the plan's `plan.evaluationScheme` record (any subset of the settings) or a
 * scheme already resolved. Throws a validation AppError listing every invalid setting.
 */
export function resolveScheme(partial: unknown = {}): EvaluationScheme {
  const r = safeResolveScheme(partial);
  if (!r.ok) throw validationError('평가체계 설정이 올바르지 않습니다.', r.errors, 'invalid_evaluation_scheme');
  return r.scheme;
}

/** The label of the setting at `path` (or of the closest enclosing setting), with the path. */
function settingLabel(path: string): string {
  const info = SCHEME_SETTINGS.find(
    (s) => path === s.path || path.startsWith(`${s.path}.`) || path.startsWith(`${s.path}[`),
  );
  if (info) return `${info.label}(${path})`;
  const group = GROUP_LABELS[path];
  return group ? `${group}(${path})` : path || '평가체계';
}

const GROUP_LABELS: Record<string, string> = {
  achievement: '지표 달성도',
  'achievement.countedStatuses': '반영하는 실적 상태',
  'achievement.missingRate': '달성률 없는 지표 처리',
  quality: '지표 성격',
  'quality.criteria': '대표성·난이도·완성도 비중',
  qualitative: '정성평가',
  bonus: '가점',
  penalties: '감점',
  total: '총점',
  ranking: '순위',
  grades: '등급',
};

const TYPE_KO: Record<string, string> = {
  number: '숫자여야',
  int: '정수여야',
  boolean: 'true 또는 false여야',
  string: '문자열이어야',
  array: '목록이어야',
  object: '설정 묶음(객체)이어야',
  record: '설정 묶음(객체)이어야',
};

function koreanMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${TYPE_KO[issue.expected] ?? `${issue.expected} 형식이어야`} 합니다`;
    case 'too_small':
      if (issue.origin === 'array') return `${String(issue.minimum)}개 이상이어야 합니다`;
      if (issue.origin === 'string') return '비어 있을 수 없습니다';
      return `${String(issue.minimum)} ${issue.inclusive === false ? '초과' : '이상'}이어야 합니다`;
    case 'too_big':
      if (issue.origin === 'array') return `${String(issue.maximum)}개 이하여야 합니다`;
      if (issue.origin === 'string') return `${String(issue.maximum)}자 이하여야 합니다`;
      return `${String(issue.maximum)} ${issue.inclusive === false ? '미만' : '이하'}이어야 합니다`;
    case 'invalid_value':
      return `다음 중 하나여야 합니다: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'custom':
      return issue.message;
    default:
      return '올바르지 않은 값입니다';
  }
}

/** The value at a dotted path of a scheme. */
export function schemeValue(scheme: EvaluationScheme, path: string): unknown {
  let v: unknown = scheme;
  for (const key of path.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  return v;
}

export interface SettingValue extends SchemeSettingInfo {
  value: unknown;
  defaultValue: unknown;
  isDefault: boolean;
  /**
   * The allowed values of a one-of-a-list setting (ranking.by: all, group), or of each item of a list
   * setting (achievement.countedStatuses.final: draft … verified); null for free values.
   */
  options: readonly string[] | null;
}

/** The schema of one setting (of each item, for a list), its wrappers (default, optional, nullable, prefault) taken off. */
function settingSchema(path: string): z.ZodType | undefined {
  const bare = (t: z.ZodType | undefined): z.ZodType | undefined => {
    let cur: unknown = t;
    while (cur && !(cur instanceof z.ZodObject) && typeof (cur as { unwrap?: unknown }).unwrap === 'function')
      cur = (cur as { unwrap: () => unknown }).unwrap();
    return cur as z.ZodType | undefined;
  };
  let t: z.ZodType | undefined = evaluationSchemeSchema;
  for (const key of path.split('.')) {
    const obj = bare(t);
    t = obj instanceof z.ZodObject ? (obj.shape as Record<string, z.ZodType>)[key] : undefined;
  }
  return bare(t);
}

/** The allowed values of a one-of-a-list setting, from the schema itself (so screens never restate them). */
export function settingOptions(path: string): readonly string[] | null {
  const t = settingSchema(path);
  return t instanceof z.ZodEnum ? (t.options as string[]) : null;
}

/** Every setting with its value and whether it is the default: what screens and documents show. */
export function describeScheme(scheme: EvaluationScheme): SettingValue[] {
  return SCHEME_SETTINGS.map((info) => {
    const value = schemeValue(scheme, info.path);
    const defaultValue = schemeValue(DEFAULT_SCHEME, info.path);
    return {
      ...info,
      value,
      defaultValue,
      isDefault: canonicalJson(value) === canonicalJson(defaultValue),
      options: settingOptions(info.path),
    };
  });
}

/** Only the settings that differ from the defaults, as a nested record: what `plan.evaluationScheme` stores. */
export function schemeOverrides(scheme: EvaluationScheme): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of describeScheme(scheme)) {
    if (s.isDefault) continue;
    const keys = s.path.split('.');
    let node = out;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    node[keys[keys.length - 1]!] = s.value;
  }
  return out;
}

/** The settings whose values differ between two schemes (for the what-if comparison). */
export function diffSchemes(
  a: EvaluationScheme,
  b: EvaluationScheme,
): { path: string; label: string; base: unknown; alt: unknown }[] {
  return SCHEME_SETTINGS.flatMap((info) => {
    const base = schemeValue(a, info.path);
    const alt = schemeValue(b, info.path);
    return canonicalJson(base) === canonicalJson(alt) ? [] : [{ path: info.path, label: info.label, base, alt }];
  });
}

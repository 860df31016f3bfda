/**
 * The evaluation as document tables, read from the engine's output (domain/evaluation: scores,
 * ranks, grades and the explanation tree) — never recomputed here: ranking and grades, each
 * department's indicators, the bonus and penalty lists with their reasons, and the scheme in force.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { BONUS_ITEMS, displayScores, type Evaluation } from '../../domain/evaluation/evaluate.js';
import { walkExplanation } from '../../domain/evaluation/explanation.js';
import { round2 } from '../../domain/evaluation/round.js';
import { describeScheme, type EvaluationScheme } from '../../domain/evaluation/scheme.js';
import { cell, mergeDown, type Cell, type Table } from './model.js';

const SCORE = '0.00';
const score = (v: number): Cell => cell(round2(v), { align: 'right', text: round2(v).toFixed(2) });
const MODE_KO = { final: '최종평가', provisional: '잠정평가' } as const;

export function evaluationCaption(e: Evaluation): string {
  return `${e.year}년 ${MODE_KO[e.mode]}${e.asOfPeriod ? ` (${e.asOfPeriod} 기준)` : ''}`;
}

/** 부서 평가 결과: rank, grade and the parts of the total. */
export function rankingTable(e: Evaluation): Table {
  const groups = e.rankingGroups.length > 1;
  return {
    kind: 'table',
    id: 'ranking',
    title: '부서 평가 결과 (순위·등급)',
    sheetName: '평가 결과',
    unit: '(단위 : 점)',
    columns: [
      ...(groups ? [{ header: '순위 그룹', width: 9, align: 'center' as const }] : []),
      { header: '순위', width: 6, align: 'center', numFmt: '0' },
      { header: '부서명', width: 18, align: 'center' },
      { header: '구분', width: 8, align: 'center' },
      { header: '지표 달성도', width: 10, align: 'right', numFmt: SCORE },
      { header: '지표 성격', width: 10, align: 'right', numFmt: SCORE },
      { header: '정성평가', width: 9, align: 'right', numFmt: SCORE },
      { header: '가점', width: 7, align: 'right', numFmt: SCORE },
      { header: '감점', width: 7, align: 'right', numFmt: SCORE },
      { header: '총점', width: 9, align: 'right', numFmt: SCORE },
      { header: '등급', width: 6, align: 'center' },
    ],
    rows: e.departments.map((d) => {
      const s = displayScores(d);
      return [
        ...(groups ? [cell(d.rankingGroup, { align: 'center' })] : []),
        cell(d.rank, { align: 'center' }),
        cell(d.department, { align: 'center' }),
        cell(d.group, { align: 'center' }),
        score(s.achievement),
        score(s.quality),
        score(s.qualitative),
        score(s.bonus),
        cell(s.penalty ? -s.penalty : 0, { align: 'right', text: s.penalty ? `−${s.penalty.toFixed(2)}` : '0.00' }),
        cell(s.total, { align: 'right', bold: true, text: s.total.toFixed(2) }),
        cell(d.grade, { align: 'center', bold: true }),
      ];
    }),
    notes: [
      `총점 = 지표 달성도(${e.scheme.achievement.weight}) + 지표 성격(${e.scheme.quality.weight}) + 정성평가(${e.scheme.qualitative.weight}) + 가점(최대 ${e.scheme.bonus.totalMax}) − 감점. 점수는 소수 둘째 자리까지 반올림해 표시합니다 (순위는 반올림 전 점수로).`,
      ...e.rankingGroups.map(
        (g) =>
          `${g.name} ${g.size}개 부서 등급 인원: ${Object.entries(g.gradeCounts)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      ),
    ],
  };
}

const INSTANCE_KO = { own: '고유', lead: '융합(주관)', common: '공통' } as const;
const COUNTED_KO = { rate: '반영', zero: '0% 반영', excluded: '제외' } as const;

/** 부서별 지표 평가: every indicator each department is evaluated on, with its rate and points. */
export function departmentBreakdownTable(e: Evaluation, doc: PlanDocument): Table {
  const unit = new Map(doc.indicators.map((x) => [x.code, x]));
  const rows: Cell[][] = [];
  const keys: string[] = [];
  for (const d of e.departments) {
    for (const i of d.indicators) {
      const x = unit.get(i.indicator);
      keys.push(d.department);
      rows.push([
        cell(d.department, { align: 'center', fill: 'group' }),
        cell(i.indicator),
        cell(i.name),
        cell(INSTANCE_KO[i.instance], { align: 'center' }),
        cell(i.weight, { align: 'right' }),
        cell(x?.target ?? null, { align: 'right' }),
        cell(i.value.value, { align: 'right', text: i.value.value === null ? '실적 없음' : undefined }),
        i.rate.ok
          ? cell(round2(i.rate.rate), { align: 'right', text: `${round2(i.rate.rate).toFixed(2)}%` })
          : cell(null, { text: i.rate.message }),
        cell(i.scoredRate === null ? null : round2(i.scoredRate), {
          align: 'right',
          text: i.scoredRate === null ? COUNTED_KO[i.counted] : `${round2(i.scoredRate).toFixed(2)}%`,
        }),
        score(i.achievementPoints),
        cell(i.quality.score === null ? null : round2(i.quality.score), {
          align: 'right',
          text: i.quality.score === null ? '평가 없음' : round2(i.quality.score).toFixed(2),
        }),
        score(i.qualityPoints),
        cell(i.overAchieved ? '초과' : '', { align: 'center' }),
      ]);
    }
  }
  return {
    kind: 'table',
    id: 'breakdown',
    title: '부서별 지표 평가',
    sheetName: '부서별 지표 평가',
    columns: [
      { header: '부서명', width: 14, align: 'center' },
      { header: '지표 코드', width: 10 },
      { header: '성과지표명', width: 30 },
      { header: '구분', width: 9, align: 'center' },
      { header: '가중치', width: 7, align: 'right', numFmt: '0.##' },
      { header: '목표치', width: 9, align: 'right', numFmt: '#,##0.##' },
      { header: '실적', width: 9, align: 'right', numFmt: '#,##0.##' },
      { header: '달성률', width: 9, align: 'right', numFmt: '0.00"%"' },
      { header: '인정 달성률', width: 9, align: 'right', numFmt: '0.00"%"' },
      { header: '달성도 점수', width: 9, align: 'right', numFmt: SCORE },
      { header: '품질점수', width: 8, align: 'right', numFmt: SCORE },
      { header: '성격 점수', width: 8, align: 'right', numFmt: SCORE },
      { header: '200% 초과', width: 8, align: 'center' },
    ],
    rows: mergeDown(rows, 0, (i) => keys[i]!),
    notes: [
      '인정 달성률은 상한을 적용한 달성률입니다. 달성도 점수와 성격 점수는 지표별 기여분이며 부서별로 더하면 평가 결과의 점수가 됩니다.',
    ],
  };
}

export interface BonusLine {
  department: string;
  item: string;
  points: number;
  reason: string;
  grantedBy: string;
}
export interface PenaltyLine {
  department: string;
  kind: string;
  points: number;
  detail: string;
}

/** The bonus and penalty lines of every department, read from its explanation tree. */
export function bonusPenaltyLines(e: Evaluation): { bonus: BonusLine[]; penalty: PenaltyLine[] } {
  const bonus: BonusLine[] = [];
  const penalty: PenaltyLine[] = [];
  const itemLabels = BONUS_ITEMS.map((b) => b.label);
  for (const d of e.departments) {
    walkExplanation(d.explanation, (n) => {
      if (n.rule === 'bonus.award' || n.rule === 'bonus.itemCap' || n.rule === 'bonus.totalCap') {
        const item = itemLabels.find((l) => n.label.startsWith(l)) ?? '가점';
        const reason =
          n.rule === 'bonus.award'
            ? n.label.slice(item.length).replace(/^:\s*/, '')
            : `${n.label} (${n.formula ?? ''})`;
        bonus.push({
          department: d.department,
          item,
          points: n.value,
          reason,
          grantedBy: n.rule === 'bonus.award' ? (n.source?.label ?? '') : '',
        });
      }
      if (n.rule.startsWith('penalty.') && n.rule !== 'penalty.total') {
        const kind = n.label.replace(/:.*$/, '');
        const plainKind = kind.replace(/ \(면제\)$/, '');
        const ref = (n.source?.ref ?? '').split(' · ').filter((x) => x && x !== d.department && x !== plainKind);
        const label = n.source?.label && n.source.label !== plainKind ? n.source.label : null;
        const parts = n.rule === 'penalty.overAchievement' ? [...ref, label, n.formula] : [...ref, label, n.note];
        penalty.push({ department: d.department, kind, points: n.value, detail: parts.filter(Boolean).join(' · ') });
      }
    });
  }
  return { bonus, penalty };
}

export function bonusTable(e: Evaluation): Table {
  const { bonus } = bonusPenaltyLines(e);
  return {
    kind: 'table',
    id: 'bonus',
    title: '가점 내역',
    sheetName: '가점 내역',
    columns: [
      { header: '부서명', width: 16, align: 'center' },
      { header: '항목', width: 24 },
      { header: '점수', width: 7, align: 'right', numFmt: SCORE },
      { header: '사유', width: 44 },
      { header: '부여', width: 14, align: 'center' },
    ],
    rows: bonus.length
      ? bonus.map((b) => [
          cell(b.department, { align: 'center' }),
          cell(b.item),
          cell(round2(b.points), {
            align: 'right',
            text: `${b.points >= 0 ? '+' : '−'}${Math.abs(round2(b.points)).toFixed(2)}`,
          }),
          cell(b.reason),
          cell(b.grantedBy, { align: 'center' }),
        ])
      : [[cell('가점 없음', { colSpan: 5, align: 'center' })]],
    notes: [
      `항목별 상한 ${e.scheme.bonus.itemMax}점, 합계 상한 ${e.scheme.bonus.totalMax}점 (상한을 넘은 부분은 음수 행으로 표시).`,
    ],
  };
}

export function penaltyTable(e: Evaluation): Table {
  const { penalty } = bonusPenaltyLines(e);
  return {
    kind: 'table',
    id: 'penalty',
    title: '감점 내역',
    sheetName: '감점 내역',
    columns: [
      { header: '부서명', width: 16, align: 'center' },
      { header: '유형', width: 22 },
      { header: '감점', width: 7, align: 'right', numFmt: SCORE },
      { header: '내용 (지표·기간·사유)', width: 60 },
    ],
    rows: penalty.length
      ? penalty.map((p) => [
          cell(p.department, { align: 'center' }),
          cell(p.kind),
          cell(round2(p.points), {
            align: 'right',
            text: p.points === 0 ? '0.00' : `−${Math.abs(round2(p.points)).toFixed(2)}`,
          }),
          cell(p.detail),
        ])
      : [[cell('감점 없음', { colSpan: 4, align: 'center' })]],
    notes: ['면제된 건은 0점으로 표시하고 면제 사유를 적습니다.'],
  };
}

/** Korean words for the enumerated values of the scheme's settings. */
const VALUE_KO: Record<string, string> = {
  ratio: '목표 ÷ 실적',
  difference: '2 − 실적 ÷ 목표',
  cumulative: '누계(최근 기간)',
  sum: '기간 합계',
  average: '기간 평균',
  draft: '작성 중',
  submitted: '제출',
  approved: '승인',
  verified: '검증',
  zero: '0으로 반영',
  exclude: '제외',
  all: '전 부서 한 그룹',
  group: '부서 구분별',
  half_up: '반올림',
  floor: '내림',
  ceil: '올림',
};

export function showValue(v: unknown): string {
  if (v === null || v === undefined) return '없음';
  if (typeof v === 'boolean') return v ? '예' : '아니오';
  if (typeof v === 'string') return VALUE_KO[v] ?? v;
  if (Array.isArray(v))
    return v
      .map((x) =>
        x && typeof x === 'object' && 'grade' in x
          ? `${String((x as { grade: unknown }).grade)} ${String((x as { share: unknown }).share)}%`
          : showValue(x),
      )
      .join(', ');
  if (typeof v === 'object')
    return Object.keys(v).length
      ? Object.entries(v)
          .map(([k, x]) => `${k}→${showValue(x)}`)
          .join(', ')
      : '없음';
  return String(v);
}

/** 평가체계: every setting of the scheme in force, its value, and whether it is the default. */
export function schemeTable(scheme: EvaluationScheme, title = '적용한 평가체계 설정'): Table {
  return {
    kind: 'table',
    id: 'scheme',
    title,
    sheetName: '평가체계',
    columns: [
      { header: '설정', width: 26 },
      { header: '값', width: 18, align: 'center' },
      { header: '기본값', width: 9, align: 'center' },
      { header: '근거', width: 56 },
    ],
    rows: describeScheme(scheme).map((s) => [
      cell(s.label),
      cell(showValue(s.value), { align: 'center' }),
      cell(s.isDefault ? '기본값' : `변경 (기본 ${showValue(s.defaultValue)})`, { align: 'center' }),
      cell(s.basis),
    ]),
    notes: ["'계획에 없음'으로 시작하는 근거는 시행계획이 정하지 않아 제품이 정한 기본값입니다 (docs/scoring.md)."],
  };
}

/** 평가 반영비율 (시행계획 IV): the weights of the scheme. */
export function weightsTable(scheme: EvaluationScheme): Table {
  const c = scheme.quality.criteria;
  const pct = (x: number) => `${round2(x * 100)}%`;
  return {
    kind: 'table',
    id: 'weights',
    title: '반영비율',
    columns: [
      { header: '지표 달성도 평가', width: 18, align: 'center' },
      { header: '대표성', width: 12, align: 'center' },
      { header: '난이도', width: 12, align: 'center' },
      { header: '완성도', width: 12, align: 'center' },
      { header: '정성평가', width: 12, align: 'center' },
      { header: '가점', width: 12, align: 'center' },
    ],
    header: [
      [
        cell(`지표 달성도 평가 (${scheme.achievement.weight}%)`, { fill: 'header', bold: true, align: 'center' }),
        cell(`지표 성격 평가 (${scheme.quality.weight}%)`, { fill: 'header', bold: true, align: 'center', colSpan: 3 }),
        cell(`정성평가 (${scheme.qualitative.weight}%)`, { fill: 'header', bold: true, align: 'center' }),
        cell('가점', { fill: 'header', bold: true, align: 'center' }),
      ],
    ],
    rows: [
      [
        cell('성과지표 달성도', { align: 'center' }),
        cell(`대표성(${pct(c.representativeness)})`, { align: 'center' }),
        cell(`난이도(${pct(c.difficulty)})`, { align: 'center' }),
        cell(`완성도(${pct(c.completeness)})`, { align: 'center' }),
        cell('구청장 평가 (0~5점)', { align: 'center' }),
        cell(`최대 ${scheme.bonus.totalMax}점`, { align: 'center' }),
      ],
    ],
  };
}

/** What each bonus item rewards (the plan's words); the items and points come from the scheme. */
const BONUS_CONTENT: Record<string, string> = {
  training: '성과관리 워크숍 참석 여부',
  convergence: '성과관리위원회에서 융합지표 중 구 대표 융합지표를 선정하여 평가',
  external: '대외기관·공모사업 협력 우수부서 가점 부여 (중앙부처, 서울시 등)',
  best_practice: '우수사례 제출 및 선정에 가점 부여 (올해의 우수시책, 정부합동평가 사례 등)',
  effort: '성과관리 각 부서별 노력도 평가 — 성과관리위원회 의견 반영',
};

export function bonusItemsTable(scheme: EvaluationScheme, convergenceCount?: number): Table {
  return {
    kind: 'table',
    id: 'bonusItems',
    title: '가점',
    columns: [
      { header: '평가항목', width: 26 },
      { header: '배 점', width: 8, align: 'center' },
      { header: '평가내용', width: 56 },
    ],
    rows: BONUS_ITEMS.map((b) => [
      cell(b.label),
      cell(`${scheme.bonus.itemMax}점`, { align: 'center' }),
      cell(
        b.item === 'convergence' && convergenceCount !== undefined
          ? `성과관리위원회에서 ${convergenceCount}개 융합지표 중 구 대표 융합지표를 선정하여 평가`
          : BONUS_CONTENT[b.item]!,
      ),
    ]),
    notes: [`가점 합계 상한 ${scheme.bonus.totalMax}점.`],
  };
}

export function penaltyItemsTable(scheme: EvaluationScheme): Table {
  const p = scheme.penalties;
  return {
    kind: 'table',
    id: 'penaltyItems',
    title: '감점',
    columns: [
      { header: '평가항목', width: 26 },
      { header: '배 점', width: 8, align: 'center' },
      { header: '평가내용', width: 56 },
    ],
    rows: [
      [
        cell('목표초과달성'),
        cell(`−${p.overAchievementPoints}점`, { align: 'center' }),
        cell(`목표대비 실적 달성률 ${p.overAchievementThreshold}% 초과 시 지표마다 감점`),
      ],
      [
        cell('실적자료 입력시기 미준수'),
        cell(`−${p.lateEntryPoints}점`, { align: 'center' }),
        cell(`실적자료 입력시기 미준수 시 건당 ${p.lateEntryPoints}점 감점`),
      ],
      [
        cell('증빙자료 미제출'),
        cell(`−${p.missingEvidencePoints}점`, { align: 'center' }),
        cell(`성과관리 시스템 상 실적 증빙자료 미제출 시 건당 ${p.missingEvidencePoints}점 감점`),
      ],
    ],
  };
}

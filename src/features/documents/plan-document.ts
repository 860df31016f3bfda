/**
 * 시행계획 — the annual plan document, generated from a plan year as a format-neutral model
 * (model.ts), in the sections of the reference plan:
 *   I 추진개요 (plan.overview) · II 전년도 운영성과 (the previous year's data where the system holds
 *   it, plan.priorYearFacts otherwise) · III 운영계획 (the plan's tables, domain/summary) ·
 *   IV 평가계획 (the scheme in force, domain/evaluation/scheme) · V 달라진 점 (domain/plan-diff) ·
 *   VI 향후계획 (plan.futurePlan) · 붙임 1 부서별 목표·지표 현황 · 붙임 2 융합지표 현황.
 * Every figure comes from the domain functions; nothing here is typed in.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import { evaluatePlan } from '../../domain/evaluation/evaluate.js';
import { round2 } from '../../domain/evaluation/round.js';
import { diffSchemes, resolveScheme } from '../../domain/evaluation/scheme.js';
import { diffPlans } from '../../domain/plan-diff.js';
import { summarizePlan } from '../../domain/summary.js';
import { bonusItemsTable, penaltyItemsTable, schemeTable, showValue, weightsTable } from './evaluation-tables.js';
import type { Block, DocModel, Table } from './model.js';
import {
  byDepartmentTable,
  byOrgPerformanceGoalTable,
  byOrgStrategicGoalTable,
  convergenceTable,
  countsTable,
} from './plan-tables.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** 6,290,000,000 → "62.9억 원"; 150,000,000 → "1.5억 원"; 30,000,000 → "3,000만 원". */
export function formatKrw(krw: number): string {
  if (Math.abs(krw) >= 100_000_000)
    return `${round2(krw / 100_000_000).toLocaleString('en-US', { maximumFractionDigits: 2 })}억 원`;
  if (Math.abs(krw) >= 10_000) return `${Math.round(krw / 10_000).toLocaleString('en-US')}만 원`;
  return `${krw.toLocaleString('en-US')}원`;
}

/** Free text (overview, future plan) as blocks: one line a paragraph; "-", "·", "○", "□", "*" lines as bullets by indent. */
export function textBlocks(text: string): Block[] {
  const blocks: Block[] = [];
  let bullets: { text: string; level?: number }[] = [];
  const flush = () => {
    if (bullets.length) blocks.push({ kind: 'bullets', items: bullets });
    bullets = [];
  };
  for (const raw of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (!raw.trim()) {
      flush();
      continue;
    }
    const indent = raw.length - raw.trimStart().length;
    const m = /^([-·•○□◦▪*※]|\d+[.)])\s+(.*)$/.exec(raw.trim());
    if (m && m[1] !== '※')
      bullets.push({ text: m[2]!.replace(/\*\*/g, ''), level: Math.min(3, Math.floor(indent / 2)) });
    else {
      flush();
      blocks.push({
        kind: 'paragraph',
        text: raw.trim().replace(/\*\*/g, ''),
        style: raw.trim().startsWith('※') ? 'note' : 'normal',
      });
    }
  }
  flush();
  return blocks;
}

export interface PriorYearAchievement {
  year: number;
  /** Indicators of the previous year's plan. */
  indicators: number;
  /** Indicators with an achievement rate counted in the final evaluation. */
  rated: number;
  /** Mean over the rated indicators of their counted (capped) rate, in percent. */
  average: number | null;
}

/**
 * The previous year's average achievement, read from its final evaluation (domain/evaluation): for
 * each indicator the counted rate of its evaluated instances (a common indicator: the mean of its
 * departments' instances), then the mean over the indicators that have one.
 */
export function priorYearAchievement(previous: PlanDocument): PriorYearAchievement {
  const e = evaluatePlan(previous, undefined, { mode: 'final' });
  const rates = new Map<string, number[]>();
  for (const d of e.departments)
    for (const i of d.indicators)
      if (i.counted === 'rate' && i.scoredRate !== null)
        rates.set(i.indicator, [...(rates.get(i.indicator) ?? []), i.scoredRate]);
  const perIndicator = [...rates.values()].map((r) => r.reduce((s, x) => s + x, 0) / r.length);
  return {
    year: previous.plan.year,
    indicators: previous.indicators.length,
    rated: perIndicator.length,
    average: perIndicator.length ? perIndicator.reduce((s, x) => s + x, 0) / perIndicator.length : null,
  };
}

type Facts = Record<string, unknown>;
const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
const str = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : undefined);
const obj = (v: unknown): Facts => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Facts) : {});
const list = (v: unknown): Facts[] => (Array.isArray(v) ? v.map(obj) : []);

/** "피나클어워즈 8년 연속 금상" from { name, result, consecutiveYears }. */
function awardLine(a: Facts): string | undefined {
  const name = str(a.name);
  if (!name) return undefined;
  const years = num(a.consecutiveYears);
  const result = str(a.result) ?? '';
  return [name, years && years > 1 ? `${years}년 연속` : '', result].filter(Boolean).join(' ');
}

/**
 * Section II from data and recorded facts (`plan.priorYearFacts`: externalEvaluations { awards,
 * incentivesKrw }, notableAwards [{ name, result, consecutiveYears }], cityDistrictJointProjects
 * { name, result, consecutiveYears, projects, incentivesKrw }, indicators { count,
 * averageAchievementRate }, notes [text]). Data wins where the system holds it.
 */
function priorYearSection(doc: PlanDocument, previous: PlanDocument | null): Block[] {
  const prevYear = doc.plan.year - 1;
  const facts: Facts = doc.plan.priorYearFacts ?? {};
  const blocks: Block[] = [];

  // External awards: the previous year's records (in either year's plan), else the recorded totals.
  const seen = new Set<string>();
  const awards = [...(previous?.externalAwards ?? []), ...doc.externalAwards]
    .filter((a) => a.year === prevYear)
    .filter((a) => {
      const k = `${a.name}|${a.agency}|${a.department ?? ''}|${a.incentiveKrw}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    });
  const ext = obj(facts.externalEvaluations);
  const items: { text: string; level?: number }[] = [];
  if (awards.length) {
    const krw = awards.reduce((s, a) => s + a.incentiveKrw, 0);
    items.push({
      text: `${awards.length}개 수상, 인센티브 ${formatKrw(krw)} 확보 (${prevYear}년 대외 수상 기록에서 집계)`,
    });
  } else if (num(ext.awards) !== undefined) {
    const krw = num(ext.incentivesKrw);
    items.push({ text: `${num(ext.awards)}개 수상${krw !== undefined ? `, 인센티브 ${formatKrw(krw)} 확보` : ''}` });
  }
  const notable = list(facts.notableAwards)
    .map(awardLine)
    .filter((x): x is string => !!x);
  if (notable.length)
    items.push({ text: notable.map((n) => (/(수상|상)$/.test(n) ? n : `${n} 수상`)).join(', '), level: 1 });
  const joint = obj(facts.cityDistrictJointProjects);
  const jointLine = awardLine(joint);
  if (jointLine) {
    const extra = [
      num(joint.projects) !== undefined ? `${num(joint.projects)}개 사업` : '',
      num(joint.incentivesKrw) !== undefined ? `${formatKrw(num(joint.incentivesKrw)!)} 확보` : '',
    ]
      .filter(Boolean)
      .join(', ');
    items.push({ text: `${jointLine}${extra ? ` (${extra})` : ''}`, level: 1 });
  }
  if (items.length)
    blocks.push({ kind: 'paragraph', text: '○ 대외기관 공모·평가 성과', style: 'lead' }, { kind: 'bullets', items });

  // Indicators' average achievement: the previous year's final evaluation, else the recorded figure.
  const achievement = previous ? priorYearAchievement(previous) : null;
  const ind = obj(facts.indicators);
  let line: string | null = null;
  if (achievement && achievement.average !== null) {
    line = `${achievement.indicators}개 성과지표 달성도 평균값 ${round2(achievement.average).toFixed(2)}% (${prevYear}년 최종평가: 달성률을 낸 지표 ${achievement.rated}개의 인정 달성률 평균)`;
  } else if (num(ind.averageAchievementRate) !== undefined) {
    const n = num(ind.count);
    line = `${n !== undefined ? `${n}개 ` : ''}성과지표 달성도 평균값 ${num(ind.averageAchievementRate)}% (기록된 사실)`;
  }
  if (line)
    blocks.push(
      { kind: 'paragraph', text: '○ 성과관리의 안정적 내재화를 통한 전 부서의 균형적 성장', style: 'lead' },
      { kind: 'bullets', items: [{ text: line }] },
    );
  for (const t of Array.isArray(facts.notes) ? facts.notes : [])
    if (typeof t === 'string' && t.trim()) blocks.push({ kind: 'paragraph', text: t.trim() });
  if (!blocks.length)
    blocks.push({
      kind: 'paragraph',
      text: `${prevYear}년 자료가 시스템에 없고 기록된 사실(전년도 운영성과)도 없습니다.`,
      style: 'note',
    });
  const source = str(facts.source);
  if (source && (!awards.length || !achievement || achievement.average === null))
    blocks.push({ kind: 'paragraph', text: `※ 기록된 사실의 출처: ${source}`, style: 'note' });
  return blocks;
}

/** The vision system: pillar → org strategic goal → its performance goals, from the data. */
function visionBlocks(doc: PlanDocument): Block[] {
  const items: { text: string; level?: number }[] = [];
  const goals = [...doc.orgPerformanceGoals].sort((a, b) => a.no - b.no);
  for (const s of doc.orgStrategicGoals) {
    items.push({ text: `${s.visionPillar ? `${s.visionPillar} — ` : ''}${s.name}` });
    for (const g of goals.filter((x) => x.orgStrategicGoal === s.code))
      items.push({ text: `${g.no}. ${g.name}`, level: 1 });
  }
  const head = [doc.plan.visionName, doc.plan.visionSlogan].filter(Boolean).join(' : ');
  return [
    ...(head ? [{ kind: 'paragraph' as const, text: head, style: 'lead' as const }] : []),
    { kind: 'bullets', items },
  ];
}

/** A table under a heading that already names it. */
const untitled = (t: Table): Table => ({ ...t, title: undefined });

export interface PlanDocumentOptions {
  /** Shown under the title; default: none (the output is then the same for the same data). */
  generatedOn?: string;
}

export function buildPlanDocumentModel(
  doc: PlanDocument,
  previous: PlanDocument | null,
  opts: PlanDocumentOptions = {},
): DocModel {
  const year = doc.plan.year;
  const s = summarizePlan(doc);
  const scheme = resolveScheme(doc.plan.evaluationScheme);
  const org = doc.organization.name;
  const titles = [
    '추진개요',
    `${year - 1}년도 운영성과`,
    `${year}년도 성과관리 운영계획`,
    `${year}년도 성과관리 평가계획`,
    `${year}년도 성과관리 달라진 점`,
    '향후계획',
  ];
  const h1 = (i: number): Block => ({ kind: 'heading', level: 1, text: `${ROMAN[i]} ${titles[i]}` });
  const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text: `□ ${text}` });
  const blocks: Block[] = [];

  blocks.push({ kind: 'heading', level: 2, text: '목 차' });
  blocks.push({
    kind: 'bullets',
    items: [
      ...titles.map((t, i) => ({ text: `${ROMAN[i]}. ${t}` })),
      { text: '붙임 1. 부서별 목표·지표 현황' },
      { text: '붙임 2. 융합지표 현황' },
    ],
  });

  // I
  blocks.push({ kind: 'pageBreak' }, h1(0));
  blocks.push(
    ...(doc.plan.overview.trim()
      ? textBlocks(doc.plan.overview)
      : [
          {
            kind: 'paragraph' as const,
            text: '추진개요가 입력되지 않았습니다 (계획의 추진개요 항목).',
            style: 'note' as const,
          },
        ]),
  );

  // II
  blocks.push(h1(1), ...priorYearSection(doc, previous));

  // III
  const c = s.counts;
  const common = s.convergenceIndicators.filter((x) => x.common);
  blocks.push(h1(2));
  blocks.push(h2('BSC 기본 관리체계'));
  blocks.push({
    kind: 'paragraph',
    text: `비전 → 區 전략목표(${c.orgStrategicGoals}) → 區 성과목표(${c.orgPerformanceGoals}) → 부서 전략목표(${c.deptStrategicGoals}) → 부서 성과목표(${c.deptPerformanceGoals}) → 성과지표(${c.indicators}) → 이행과제(${c.tasks})`,
  });
  blocks.push(h2('목표·지표 현황'), untitled(countsTable(s)));
  if (common.length)
    blocks.push({
      kind: 'paragraph',
      text: `* 공통지표 현황(${common.length}개) : ${common.map((x) => x.name).join(', ')}`,
      style: 'note',
    });
  blocks.push(h2('區 전략목표별 지표·과제 현황'), untitled(byOrgStrategicGoalTable(doc, s)));
  blocks.push(h2(`${doc.plan.visionName || '비전'} 區 비전체계`), ...visionBlocks(doc));
  blocks.push(h2('區 성과목표별 각 부서 지표·과제 현황'), untitled(byOrgPerformanceGoalTable(s)));

  // IV
  const groups = new Map<string, number>();
  for (const d of doc.departments.filter((x) => x.evaluated)) groups.set(d.group, (groups.get(d.group) ?? 0) + 1);
  const excluded = doc.departments.filter((d) => !d.evaluated).map((d) => d.name);
  blocks.push({ kind: 'pageBreak' }, h1(3));
  blocks.push(h2(`평가기간 : ${year}. 1. 1. ~ 12. 31.까지 추진한 실적`));
  blocks.push(h2(`평가대상 : ${c.departments}개 부서 (${[...groups].map(([g, n]) => `${g} ${n}`).join(', ')})`));
  if (excluded.length) blocks.push({ kind: 'paragraph', text: `※ ${excluded.join(', ')} 제외`, style: 'note' });
  blocks.push(h2('평가체계'));
  blocks.push({
    kind: 'bullets',
    items: [
      {
        text: `성과평가 : 지표 달성도 평가(${scheme.achievement.weight}%) + 지표 성격 평가(${scheme.quality.weight}%)`,
      },
      {
        text: '지표 달성도 평가: 부서별 성과지표 목표치 대비 달성도 평가 — 각 부서에서 추진실적을 전산입력하고 기획예산과에서 검증 및 평가',
        level: 1,
      },
      {
        text: '지표 성격 평가: 성과지표에 대한 항목별(대표성·난이도·완성도) 품질평가 — 달성하기 쉬운 지표로 업무평가를 받으려는 단점 보완',
        level: 1,
      },
      {
        text: `정성평가 : 구청장 평가 ${scheme.qualitative.weight}% (0~5점 범위 내에서 평점) — 부서별 업무추진 노력도, 구정성과 기여도 등을 고려`,
      },
      { text: `가·감점 평가 : 가점 항목별 ${scheme.bonus.itemMax}점 (합계 최대 ${scheme.bonus.totalMax}점), 감점` },
    ],
  });
  blocks.push(weightsTable(scheme), bonusItemsTable(scheme, c.convergenceIndicators), penaltyItemsTable(scheme));
  blocks.push({
    kind: 'paragraph',
    text: `등급 : 순위에 따라 ${scheme.grades.shares.map((g) => `${g.grade} ${g.share}%`).join(', ')} (${scheme.ranking.by === 'all' ? '평가대상 전 부서를 한 그룹으로' : '부서 구분별로'} 순위)`,
  });
  blocks.push(schemeTable(scheme, '평가 세부 기준 (평가체계 설정)'));

  // V
  blocks.push({ kind: 'pageBreak' }, h1(4));
  if (previous) {
    const d = diffPlans(previous, doc);
    blocks.push(h2('운영 계획'));
    blocks.push({
      kind: 'bullets',
      items: d.highlights.length
        ? d.highlights.map((text) => ({ text }))
        : [{ text: `${previous.plan.year}년 계획과 목표·지표 체계가 같습니다.` }],
    });
    const changed = diffSchemes(resolveScheme(previous.plan.evaluationScheme), scheme);
    blocks.push(h2('평가 계획'));
    blocks.push({
      kind: 'bullets',
      items: changed.length
        ? changed.map((x) => ({ text: `${x.label}: ${showValue(x.base)} → ${showValue(x.alt)}` }))
        : [{ text: `평가체계 설정은 ${previous.plan.year}년과 같습니다.` }],
    });
  } else {
    blocks.push({ kind: 'paragraph', text: `${year - 1}년 계획이 시스템에 없어 비교할 수 없습니다.`, style: 'note' });
  }

  // VI
  blocks.push(h1(5));
  blocks.push(
    ...(doc.plan.futurePlan.trim()
      ? textBlocks(doc.plan.futurePlan)
      : [
          {
            kind: 'paragraph' as const,
            text: '향후계획이 입력되지 않았습니다 (계획의 향후계획 항목).',
            style: 'note' as const,
          },
        ]),
  );

  // Attachments
  blocks.push(
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: '붙임 1  부서별 목표·지표 현황' },
    untitled(byDepartmentTable(s)),
  );
  blocks.push(
    { kind: 'pageBreak' },
    { kind: 'heading', level: 1, text: '붙임 2  융합지표 현황' },
    untitled(convergenceTable(s)),
  );

  return {
    title: doc.plan.title,
    subtitle: doc.plan.visionName
      ? `${doc.plan.visionName}${doc.plan.visionSlogan ? ` — ${doc.plan.visionSlogan}` : ''}`
      : undefined,
    meta: [
      org,
      ...(doc.plan.illustrative ? ['예시 데이터가 포함된 계획입니다 (데모).'] : []),
      ...(opts.generatedOn
        ? [`성과관리 시스템의 데이터에서 생성: ${opts.generatedOn}`]
        : ['성과관리 시스템의 데이터에서 생성']),
    ],
    runningHeader: `${org} · ${doc.plan.title}`,
    blocks,
  };
}

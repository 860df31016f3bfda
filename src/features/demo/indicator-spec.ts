/** Parses the demo content's indicator specs (demo-content.ts) into indicator fields. */
import type { IndicatorRow } from '../../contracts/interchange.js';
import type { Rng } from './prng.js';

export interface ParsedSpec {
  name: string;
  unit: string;
  target: number | null;
  direction: 'higher' | 'lower';
  measurement: 'quantitative' | 'milestone';
  frequency: IndicatorRow['frequency'] | null;
  tags: string[];
  milestones: { name: string; weight: number }[];
  baseline: number | null;
  /** Over-achiever: results above 200% (shows the penalty). */
  overAchieves: boolean;
}

const FREQUENCY: Record<string, IndicatorRow['frequency']> = {
  월: 'monthly',
  분기: 'quarterly',
  반기: 'half_yearly',
  연: 'yearly',
};
const TAGS: Record<string, string> = { '#정부합동평가': '정부합동평가', '#서울시인센티브': '서울시 인센티브' };

/** Units whose values accumulate over the year (counts, amounts); the others are levels (rates, scores, days). */
export const FLOW_UNITS = new Set([
  '명',
  '건',
  '회',
  '개소',
  '개',
  '가구',
  '㎡',
  'm',
  'km',
  '대',
  '동',
  '단지',
  '면',
  '백만원',
  '과정',
]);

/** Decimals a value of the unit is shown with. */
export function decimalsOf(unit: string): number {
  if (unit === 'km') return 1;
  if (FLOW_UNITS.has(unit) || unit === '등급') return 0;
  return 1;
}

export const roundTo = (x: number, decimals: number) => {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
};

export function parseSpec(spec: string, flagsExtra = ''): ParsedSpec {
  const parts = spec.split('|').map((s) => s.trim());
  const [name, unitOrM, third, flagText = ''] = parts;
  if (!name || !unitOrM || third === undefined) throw new Error(`지표 정의가 잘못되었습니다: ${spec}`);
  if (unitOrM === 'M') {
    const names = third.split('/').map((s) => s.trim());
    const base = Math.floor(100 / names.length);
    const milestones = names.map((n, i) => ({
      name: n,
      weight: i === names.length - 1 ? 100 - base * (names.length - 1) : base,
    }));
    const flags = parseFlags(`${flagText} ${flagsExtra}`);
    return {
      name,
      unit: '%',
      target: 100,
      direction: 'higher',
      measurement: 'milestone',
      milestones,
      baseline: null,
      frequency: flags.frequency,
      tags: flags.tags,
      overAchieves: false,
    };
  }
  const target = Number(third);
  if (!Number.isFinite(target)) throw new Error(`목표치가 숫자가 아닙니다: ${spec}`);
  const flags = parseFlags(`${flagText} ${flagsExtra}`);
  return {
    name,
    unit: unitOrM,
    target,
    direction: flags.lower ? 'lower' : 'higher',
    measurement: 'quantitative',
    milestones: [],
    baseline: flags.baseline,
    frequency: flags.frequency,
    tags: flags.tags,
    overAchieves: flags.overAchieves,
  };
}

function parseFlags(text: string) {
  let frequency: IndicatorRow['frequency'] | null = null;
  const tags: string[] = [];
  let lower = false;
  let overAchieves = false;
  let baseline: number | null = null;
  for (const f of text.split(/\s+/).filter(Boolean)) {
    if (f === '↓') lower = true;
    else if (f === 'X') overAchieves = true;
    else if (FREQUENCY[f]) frequency = FREQUENCY[f];
    else if (TAGS[f]) tags.push(TAGS[f]);
    else if (f.startsWith('기준:')) baseline = Number(f.slice(3));
    else throw new Error(`알 수 없는 지표 표시: ${f}`);
  }
  return { frequency, tags, lower, overAchieves, baseline };
}

/** A plausible baseline (the previous year's level) for a target: below it (higher is better) or above it (lower is better). */
export function makeBaseline(rng: Rng, unit: string, target: number, direction: 'higher' | 'lower'): number {
  const d = decimalsOf(unit);
  if (direction === 'lower') {
    const b = roundTo(target * rng.between(1.08, 1.35), d);
    return Math.max(b, target + (d === 0 ? 1 : 0.1));
  }
  if (unit === '%' && target >= 95) return roundTo(target - rng.between(0.5, 4), 1);
  const b = roundTo(target * rng.between(0.8, 0.96), d);
  return Math.min(b, target);
}

/** A default reporting frequency when the spec gives none. */
export function defaultFrequency(rng: Rng): IndicatorRow['frequency'] {
  const u = rng.next();
  return u < 0.15 ? 'monthly' : u < 0.6 ? 'quarterly' : u < 0.8 ? 'half_yearly' : 'yearly';
}

export function describeFormula(spec: ParsedSpec): string {
  const { name, unit } = spec;
  if (spec.measurement === 'milestone')
    return `완료한 단계의 가중치 합 ÷ 전체 가중치 × 100 (단계: ${spec.milestones.map((m) => `${m.name} ${m.weight}`).join(', ')})`;
  if (unit === '%') return `${name.replace(/률$|율$/u, '')} 실적 ÷ 대상 × 100`;
  if (unit === '점')
    return name.includes('만족도') ? '만족도 조사 결과 (100점 만점 환산)' : '평가 결과 점수 (100점 만점)';
  if (unit === '일') return '처리 건별 소요 일수의 평균 (접수일~처리일)';
  if (unit === '등급') return '외부기관 평가 결과 등급 (1등급이 가장 높음)';
  if (unit === 'mg/L') return '정기 수질 측정값의 평균';
  return `연간 누계 실적 (${unit})`;
}

export function describeDataSource(spec: ParsedSpec, department: string): string {
  if (spec.name.includes('만족도')) return '만족도 조사 결과 보고서 (외부 조사기관)';
  if (spec.unit === '등급' || spec.name.includes('평가')) return '외부기관 평가 결과 통보 문서';
  if (spec.unit === 'mg/L') return '수질 측정 기록부';
  return `${department} 업무 실적 대장 (행정정보시스템)`;
}

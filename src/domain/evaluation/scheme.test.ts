import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import {
  DEFAULT_SCHEME,
  SCHEME_SETTINGS,
  describeScheme,
  diffSchemes,
  resolveScheme,
  safeResolveScheme,
  schemeOverrides,
} from './scheme.js';

function leafPaths(v: unknown, prefix = ''): string[] {
  if (v && typeof v === 'object' && !Array.isArray(v) && prefix !== 'ranking.groupMap')
    return Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

describe('evaluation scheme', () => {
  it('has exactly the defaults of issue 5', () => {
    expect(DEFAULT_SCHEME).toEqual({
      achievement: {
        weight: 50,
        cap: 100,
        lowerIsBetterFormula: 'ratio',
        zeroActualLowerRate: 200,
        periodAggregation: 'cumulative',
        countedStatuses: { final: ['verified'], provisional: ['submitted', 'approved', 'verified'] },
        missingRate: { final: 'zero', provisional: 'exclude' },
      },
      quality: {
        weight: 40,
        criteria: { representativeness: 0.4, difficulty: 0.4, completeness: 0.2 },
        trimmedMean: false,
        trimmedMeanMinRaters: 3,
        assignedRatersOnly: true,
        unratedIndicator: 'exclude',
      },
      qualitative: { weight: 5 },
      bonus: { itemMax: 1, totalMax: 5 },
      penalties: {
        overAchievementThreshold: 200,
        overAchievementPoints: 1,
        lateEntryPoints: 0.5,
        missingEvidencePoints: 0.5,
      },
      total: { minimum: 0 },
      ranking: { by: 'all', groupMap: {} },
      grades: {
        shares: [
          { grade: 'S', share: 20 },
          { grade: 'A', share: 40 },
          { grade: 'B', share: 30 },
          { grade: 'C', share: 10 },
        ],
        rounding: 'half_up',
      },
    });
    // 50 + 40 + 5 + 5 = 100
    const s = DEFAULT_SCHEME;
    expect(s.achievement.weight + s.quality.weight + s.qualitative.weight + s.bonus.totalMax).toBe(100);
  });

  it('labels and describes every setting, and no other', () => {
    expect(SCHEME_SETTINGS.map((s) => s.path).sort()).toEqual(leafPaths(DEFAULT_SCHEME).sort());
    for (const s of SCHEME_SETTINGS) {
      expect(s.label).toMatch(/[가-힣]/);
      expect(s.description).toMatch(/[가-힣]/);
      expect(s.basis).toMatch(/[가-힣]/);
      expect(s.source === 'plan' || s.source === 'choice').toBe(true);
    }
  });

  it('fills the defaults around the settings the plan stores', () => {
    const s = resolveScheme({
      achievement: { cap: 120 },
      quality: { trimmedMean: true },
      ranking: { by: 'group', groupMap: { 박물관: '본청' } },
    });
    expect(s.achievement).toMatchObject({
      cap: 120,
      weight: 50,
      missingRate: { final: 'zero', provisional: 'exclude' },
    });
    expect(s.quality).toMatchObject({ trimmedMean: true, criteria: { representativeness: 0.4 } });
    expect(s.ranking).toEqual({ by: 'group', groupMap: { 박물관: '본청' } });
    expect(resolveScheme(undefined)).toEqual(DEFAULT_SCHEME);
    expect(resolveScheme(null)).toEqual(DEFAULT_SCHEME);
    // resolving a resolved scheme changes nothing
    expect(resolveScheme(s)).toEqual(s);
    expect(resolveScheme({ achievement: { cap: null } }).achievement.cap).toBeNull();
  });

  it('refuses invalid settings with Korean messages and the setting path', () => {
    const r = safeResolveScheme({
      achievement: { cap: 50, lowerIsBetterFormula: 'x', typo: 1 },
      quality: { criteria: { difficulty: 0.5 } },
      grades: { shares: [{ grade: 'S', share: 50 }] },
      total: { minimum: 'zero' },
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const byPath = Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
    expect(byPath['achievement.cap']).toBe('달성률 상한(%)(achievement.cap): 100 이상이어야 합니다');
    expect(byPath['achievement.lowerIsBetterFormula']).toBe(
      '하향지표 달성률 산식(achievement.lowerIsBetterFormula): 다음 중 하나여야 합니다: ratio, difference',
    );
    expect(byPath['achievement.typo']).toBe('achievement.typo: 알 수 없는 평가체계 설정입니다');
    expect(byPath['quality.criteria']).toBe(
      '대표성·난이도·완성도 비중(quality.criteria): 대표성·난이도·완성도 비중의 합은 1이어야 합니다',
    );
    expect(byPath['grades.shares']).toBe('등급 비율(%)(grades.shares): 등급 비율의 합은 100이어야 합니다');
    expect(byPath['total.minimum']).toBe('총점 하한(total.minimum): 숫자여야 합니다');
    expect(() => resolveScheme({ bonus: { itemMax: -1 } })).toThrow(AppError);
    try {
      resolveScheme({ bonus: { itemMax: -1 } });
    } catch (e) {
      expect(e).toMatchObject({
        kind: 'validation',
        code: 'invalid_evaluation_scheme',
        details: [{ path: 'bonus.itemMax' }],
      });
    }
  });

  it('says which settings are defaults, stores only overrides, and diffs two schemes', () => {
    const s = resolveScheme({ achievement: { cap: 120 }, penalties: { lateEntryPoints: 1 } });
    const d = describeScheme(s);
    expect(d.filter((x) => !x.isDefault).map((x) => x.path)).toEqual(['achievement.cap', 'penalties.lateEntryPoints']);
    expect(d.find((x) => x.path === 'achievement.cap')).toMatchObject({
      value: 120,
      defaultValue: 100,
      label: '달성률 상한(%)',
    });
    expect(schemeOverrides(s)).toEqual({ achievement: { cap: 120 }, penalties: { lateEntryPoints: 1 } });
    expect(resolveScheme(schemeOverrides(s))).toEqual(s);
    expect(diffSchemes(DEFAULT_SCHEME, s)).toEqual([
      { path: 'achievement.cap', label: '달성률 상한(%)', base: 100, alt: 120 },
      { path: 'penalties.lateEntryPoints', label: '실적 입력시기 미준수 감점(건당)', base: 0.5, alt: 1 },
    ]);
  });

  it('gives the allowed values of every one-of-a-list setting and list item (screens offer exactly these), and every one is accepted', () => {
    const withOptions = describeScheme(DEFAULT_SCHEME).filter((x) => x.options);
    const statuses = ['draft', 'submitted', 'approved', 'verified'];
    expect(Object.fromEntries(withOptions.map((x) => [x.path, x.options]))).toEqual({
      'achievement.countedStatuses.final': statuses,
      'achievement.countedStatuses.provisional': statuses,
      'achievement.lowerIsBetterFormula': ['ratio', 'difference'],
      'achievement.periodAggregation': ['cumulative', 'sum', 'average'],
      'achievement.missingRate.final': ['zero', 'exclude'],
      'achievement.missingRate.provisional': ['zero', 'exclude'],
      'quality.unratedIndicator': ['zero', 'exclude'],
      'ranking.by': ['all', 'group'],
      'grades.rounding': ['half_up', 'floor', 'ceil'],
    });
    for (const x of withOptions) {
      if (Array.isArray(x.defaultValue)) {
        for (const item of x.defaultValue) expect(x.options).toContain(item);
        continue;
      }
      expect(x.options).toContain(x.defaultValue);
      for (const option of x.options!) {
        const keys = x.path.split('.');
        const override = keys.reduceRight<unknown>((inner, k) => ({ [k]: inner }), option) as Record<string, unknown>;
        expect(describeScheme(resolveScheme(override)).find((y) => y.path === x.path)?.value).toBe(option);
      }
    }
    expect(describeScheme(DEFAULT_SCHEME).find((x) => x.path === 'achievement.weight')?.options).toBeNull();
  });
});

describe('defaults are immutable', () => {
  it('DEFAULT_SCHEME cannot be changed by a caller', () => {
    expect(() => {
      (DEFAULT_SCHEME.achievement as { cap: number | null }).cap = 120;
    }).toThrow(TypeError);
    expect(DEFAULT_SCHEME.achievement.cap).toBe(100);
    // a resolved scheme is a fresh, mutable object
    const s = resolveScheme(DEFAULT_SCHEME);
    s.achievement.cap = 120;
    expect(DEFAULT_SCHEME.achievement.cap).toBe(100);
  });
});

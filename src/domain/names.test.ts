import { describe, expect, it } from 'vitest';
import { nameSimilarity, normalizeDepartmentName, normalizeForCompare, sameName } from './names.js';

describe('normalizeDepartmentName', () => {
  it('removes every whitespace inside a printed department name', () => {
    expect(normalizeDepartmentName('교 통 과')).toBe('교통과');
    expect(normalizeDepartmentName('어르신 복지과')).toBe('어르신복지과');
    expect(normalizeDepartmentName('  세 무 1 과 ')).toBe('세무1과');
    expect(normalizeDepartmentName('송\u00A0파\u3000책\t박물관\n')).toBe('송파책박물관');
    expect(normalizeDepartmentName('기획\u200B예산과')).toBe('기획예산과');
  });

  it('composes decomposed Hangul (NFC)', () => {
    expect(normalizeDepartmentName('교통과'.normalize('NFD'))).toBe('교통과');
  });

  it('leaves a normalised name as it is', () => {
    expect(normalizeDepartmentName('일자리정책담당관')).toBe('일자리정책담당관');
  });
});

describe('normalizeForCompare', () => {
  it('unifies middle dots', () => {
    const key = normalizeForCompare('민·관 협력 서비스 연계율');
    for (const v of [
      '민ㆍ관 협력 서비스 연계율',
      '민‧관 협력 서비스 연계율',
      '민・관 협력 서비스 연계율',
      '민･관협력서비스연계율',
    ])
      expect(normalizeForCompare(v)).toBe(key);
  });

  it('folds full-width brackets, letters and digits to half-width', () => {
    expect(normalizeForCompare('제로페이（업무추진비） 사용률')).toBe(
      normalizeForCompare('제로페이(업무추진비)사용률'),
    );
    expect(normalizeForCompare('ＣＣＴＶ 관제［1］')).toBe(normalizeForCompare('cctv 관제[1]'));
    expect(normalizeForCompare('〔예산〕')).toBe('[예산]');
  });

  it('removes whitespace and keeps differences in wording', () => {
    expect(normalizeForCompare('사회적경제기업 제품 구매율')).toBe(normalizeForCompare('사회적경제기업제품 구매율'));
    expect(normalizeForCompare('청렴시책 달성도')).not.toBe(normalizeForCompare('청렴시책 달성'));
    expect(sameName('제안등록 실적지수', '제안마당 등록실적 지수')).toBe(false);
    expect(sameName('직원 연가 사용률', '직원연가 사용률')).toBe(true);
  });
});

describe('nameSimilarity', () => {
  it('is 1 for the same name and high for a close variant, low for an unrelated one', () => {
    expect(nameSimilarity('교 통 과', '교통과')).toBe(1);
    expect(nameSimilarity('제안등록 실적지수', '제안마당 등록실적 지수')).toBeGreaterThan(0.6);
    expect(nameSimilarity('제로페이(업무추진비) 사용률', '제로페이(업무추진비) 추진율')).toBeGreaterThan(0.7);
    expect(nameSimilarity('청렴시책 달성도', '직원 연가 사용률')).toBeLessThan(0.2);
    expect(nameSimilarity('', '')).toBe(1);
    expect(nameSimilarity('가', '나')).toBe(0);
  });
});

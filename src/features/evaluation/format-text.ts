/**
 * The evaluation as readable Korean text (the command line without --json): a table with two
 * decimals, the settings that differ from the defaults, and one department's explanation tree.
 */
import { round2 } from '../../domain/evaluation/round.js';
import type { ExplanationNode } from '../../domain/evaluation/explanation.js';
import type { PresentedDepartment, PresentedEvaluation, PresentedWhatIf } from './present.js';

/** Display width in a terminal: Hangul and other East Asian wide characters take two columns. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6);
    w += wide ? 2 : 1;
  }
  return w;
}

const padEnd = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));
const padStart = (s: string, w: number) => ' '.repeat(Math.max(0, w - displayWidth(s))) + s;
const n2 = (x: number) => round2(x).toFixed(2);

function table(header: string[], rows: string[][], alignRight: boolean[]): string[] {
  const widths = header.map((h, i) => Math.max(displayWidth(h), ...rows.map((r) => displayWidth(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (alignRight[i] ? padStart(c, widths[i]!) : padEnd(c, widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)];
}

function settingsLines(e: Pick<PresentedEvaluation, 'schemeSettings'>): string[] {
  const changed = e.schemeSettings.filter((s) => !s.isDefault);
  if (changed.length === 0) return ['평가체계: 모든 설정이 기본값입니다 (docs/scoring.md).'];
  return [
    `평가체계: 기본값과 다른 설정 ${changed.length}개 (나머지는 기본값, docs/scoring.md)`,
    ...changed.map(
      (s) => `  - ${s.label} (${s.path}): ${JSON.stringify(s.value)} (기본값 ${JSON.stringify(s.defaultValue)})`,
    ),
  ];
}

export function formatEvaluation(e: PresentedEvaluation): string {
  const title = `${e.organization} ${e.year}년 부서 성과평가 — ${e.modeLabel}${e.asOfPeriod ? ` (${e.asOfPeriod}까지)` : ''}`;
  const out = [title, ''];
  const groups = [...new Set(e.departments.map((d) => d.rankingGroup))];
  for (const g of groups) {
    const members = e.departments.filter((d) => d.rankingGroup === g);
    if (groups.length > 1 || g !== '전체') out.push(`[${g}] ${members.length}개 부서`);
    out.push(
      ...table(
        ['순위', '등급', '부서', '달성도(50)', '지표성격(40)', '정성(5)', '가점', '감점', '총점'],
        members.map((d) => [
          String(d.rank),
          d.grade,
          d.department,
          n2(d.achievement),
          n2(d.quality),
          n2(d.qualitative),
          n2(d.bonus),
          d.penalty > 0 ? `-${n2(d.penalty)}` : n2(0),
          n2(d.total),
        ]),
        [true, false, false, true, true, true, true, true, true],
      ),
    );
    const totals = members.map((d) => d.total);
    if (totals.length)
      out.push(
        `  최고 ${n2(Math.max(...totals))} · 최저 ${n2(Math.min(...totals))} · 평균 ${n2(totals.reduce((s, x) => s + x, 0) / totals.length)}`,
      );
    out.push('');
  }
  out.push(...settingsLines(e));
  if (e.warnings.length) {
    out.push('', `자료 경고 ${e.warnings.length}건:`);
    for (const w of e.warnings) out.push(`  - ${w.path}: ${w.message}`);
  }
  out.push('', '점수는 소수 둘째 자리까지 표시합니다 (계산은 전체 정밀도, --json은 전체 정밀도).');
  return out.join('\n');
}

export function formatExplanation(node: ExplanationNode, depth = 0): string[] {
  const indent = '  '.repeat(depth);
  const head = `${indent}${depth === 0 ? '' : '· '}${node.label}: ${n2(node.value)}`;
  const lines = [head];
  if (node.formula) lines.push(`${indent}    ${node.formula}`);
  if (node.note) lines.push(`${indent}    (${node.note})`);
  for (const c of node.children) lines.push(...formatExplanation(c, depth + 1));
  return lines;
}

export function formatDepartment(
  e: Pick<PresentedEvaluation, 'year' | 'modeLabel' | 'asOfPeriod'>,
  d: PresentedDepartment,
): string {
  return [
    `${e.year}년 ${d.department} — ${e.modeLabel}${e.asOfPeriod ? ` (${e.asOfPeriod}까지)` : ''}: 총점 ${n2(d.total)}, ${d.rankingGroup} ${d.rank}위, ${d.grade}등급`,
    '',
    ...formatExplanation(d.explanation),
  ].join('\n');
}

export function formatWhatIf(w: PresentedWhatIf): string {
  const out = [
    `${w.year}년 모의평가 (${w.modeLabel}${w.asOfPeriod ? `, ${w.asOfPeriod}까지` : ''}) — 저장하지 않습니다`,
    '',
  ];
  if (w.changedSettings.length === 0) out.push('바뀐 설정이 없습니다 (두 평가체계가 같습니다).');
  else {
    out.push('바뀐 설정:');
    for (const s of w.changedSettings)
      out.push(`  - ${s.label} (${s.path}): ${JSON.stringify(s.base)} → ${JSON.stringify(s.alt)}`);
  }
  out.push('');
  const arrow = (n: number) => (n > 0 ? `▲${n}` : n < 0 ? `▼${-n}` : '—');
  out.push(
    ...table(
      ['부서', '현재 총점', '순위', '등급', '모의 총점', '순위', '등급', '차이', '순위 변화'],
      w.departments.map((r) => [
        r.department,
        n2(r.base.total),
        String(r.base.rank),
        r.base.grade,
        n2(r.alt.total),
        String(r.alt.rank),
        r.alt.grade,
        `${r.totalDiff >= 0 ? '+' : ''}${n2(r.totalDiff)}`,
        arrow(r.rankChange),
      ]),
      [false, true, true, false, true, true, false, true, true],
    ),
  );
  out.push('', `순위나 등급이 바뀌는 부서: ${w.rankChanges.length}개`);
  return out.join('\n');
}

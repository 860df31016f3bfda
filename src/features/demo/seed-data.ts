/**
 * The demo's seed: the reference plan's tables as TSV files in ./data (read-only inputs), parsed.
 * - plan-2020-reconciled.tsv: the 89 부서 전략목표 with their goals, departments and counts;
 * - convergence-2020.tsv: 붙임 2, the 33 융합지표 (5 공통) with the row that carries them;
 * - attachment1-2020-as-printed.tsv: 붙임 1 as printed (its claimed figures);
 * - reference-plan-2020.txt: the plan's text (for the printed 공통지표 현황 line).
 */
import fs from 'node:fs';

const read = (file: string) => fs.readFileSync(new URL(`./data/${file}`, import.meta.url), 'utf8');

/** Rows of a TSV with a header line, as records (empty lines skipped; every row must have every column). */
export function parseTsv(text: string, file = 'TSV'): Record<string, string>[] {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .filter((l) => l.trim() !== '');
  const header = (lines.shift() ?? '').split('\t');
  return lines.map((line, i) => {
    const cells = line.split('\t');
    if (cells.length > header.length)
      throw new Error(`${file} ${i + 2}행: 열이 ${cells.length}개로 머리글(${header.length})보다 많습니다.`);
    return Object.fromEntries(header.map((h, j) => [h, (cells[j] ?? '').trim()]));
  });
}

const int = (v: string | undefined, what: string): number => {
  const n = Number(v);
  if (v === undefined || v === '' || !Number.isInteger(n)) throw new Error(`${what}: 정수가 아닙니다 (${v})`);
  return n;
};

export interface SeedDeptStrategicGoal {
  row: number;
  visionPillar: string;
  orgStrategicGoal: string;
  orgGoalNo: number;
  orgGoal: string;
  name: string;
  /** The department column of the TSV (붙임 1's name). */
  department: string;
  departmentAsPrinted: string;
  indicators: number;
  convergenceMarked: number;
  commonMarked: number;
  tasks: number;
  certainty: string;
}

export interface SeedConvergenceIndicator {
  no: number;
  department: string;
  name: string;
  common: boolean;
  row: number;
  certainty: string;
}

export interface SeedAttachmentRow {
  no: number;
  department: string;
  deptStrategicGoals: number;
  deptPerformanceGoals: number;
  indicators: number;
  tasks: number;
}

export interface DemoSeed {
  deptStrategicGoals: SeedDeptStrategicGoal[];
  convergence: SeedConvergenceIndicator[];
  attachment1: { total: Omit<SeedAttachmentRow, 'no' | 'department'>; rows: SeedAttachmentRow[] };
  referenceText: string;
}

export function readDemoSeed(): DemoSeed {
  const dsg = parseTsv(read('plan-2020-reconciled.tsv'), 'plan-2020-reconciled.tsv').map(
    (r): SeedDeptStrategicGoal => ({
      row: int(r.row, 'row'),
      visionPillar: r.vision_pillar!,
      orgStrategicGoal: r.org_strategic_goal!,
      orgGoalNo: int(r.org_goal_no, 'org_goal_no'),
      orgGoal: r.org_goal!,
      name: r.dept_strategic_goal!,
      department: r.department!,
      departmentAsPrinted: r.department_as_printed!,
      indicators: int(r.indicators, 'indicators'),
      convergenceMarked: int(r.convergence_marked, 'convergence_marked'),
      commonMarked: int(r.common_marked, 'common_marked'),
      tasks: int(r.tasks, 'tasks'),
      certainty: r.certainty!,
    }),
  );
  const convergence = parseTsv(read('convergence-2020.tsv'), 'convergence-2020.tsv').map(
    (r): SeedConvergenceIndicator => ({
      no: int(r.no, 'no'),
      department: r.department!,
      name: r.indicator!,
      common: r.common === '공통',
      row: int(r.row, 'row'),
      certainty: r.certainty!,
    }),
  );
  const att = parseTsv(read('attachment1-2020-as-printed.tsv'), 'attachment1-2020-as-printed.tsv');
  const figures = (r: Record<string, string>) => ({
    deptStrategicGoals: int(r.dept_strategic_goals, 'dept_strategic_goals'),
    deptPerformanceGoals: int(r.dept_performance_goals, 'dept_performance_goals'),
    indicators: int(r.indicators, 'indicators'),
    tasks: int(r.tasks, 'tasks'),
  });
  const totalRow = att.find((r) => r.no === 'total');
  if (!totalRow) throw new Error('attachment1-2020-as-printed.tsv: 총계 행이 없습니다.');
  return {
    deptStrategicGoals: dsg,
    convergence,
    attachment1: {
      total: figures(totalRow),
      rows: att
        .filter((r) => r.no !== 'total')
        .map((r) => ({ no: int(r.no, 'no'), department: r.department!, ...figures(r) })),
    },
    referenceText: read('reference-plan-2020.txt'),
  };
}

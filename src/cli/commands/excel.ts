/** `bsc excel …`: the plan workbook (template, export, import, legacy check) and the tables workbook. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command, CommandContext } from '../command.js';
import { validationError } from '../../domain/errors.js';
import { cliActor } from '../../features/plans/context.js';
import { modeArg, saveFile, yearArg } from '../shared.js';
import { exportPlanWorkbook, planTemplate } from '../../features/excel/plan-workbook.js';
import { importPlanWorkbook } from '../../features/excel/import-plan-workbook.js';
import { checkPlanWorkbook } from '../../features/excel/check-plan-workbook.js';
import { formatProblem, type ImportProgress, type SheetProblem } from '../../features/excel/parse-plan-workbook.js';
import { exportPlanTables } from '../../features/excel/tables-workbook.js';

function readFile(file: string | undefined, usage: string): Buffer {
  if (!file) throw validationError(`파일을 지정하세요: bsc ${usage}`, [{ path: 'FILE', message: '파일이 필요합니다' }]);
  try {
    return fs.readFileSync(file);
  } catch (e) {
    throw validationError(`파일 ${file} 을(를) 읽을 수 없습니다: ${(e as Error).message}`, [
      { path: file, message: '읽을 수 없습니다' },
    ]);
  }
}

/** Progress on stderr, one line per phase and per 10 %. */
function progressPrinter(ctx: CommandContext) {
  let last = -1;
  let phase = '';
  return (p: ImportProgress) => {
    const step = Math.floor(p.percent / 10);
    if (p.phase === phase && step === last) return;
    phase = p.phase;
    last = step;
    ctx.io.err(`  [${String(p.percent).padStart(3)}%] ${p.message}`);
  };
}

function printProblems(ctx: CommandContext, title: string, list: SheetProblem[], max = 200) {
  if (!list.length) return;
  ctx.io.out(`${title} ${list.length}건:`);
  for (const p of list.slice(0, max)) ctx.io.out(`  - ${formatProblem(p)}`);
  if (list.length > max) ctx.io.out(`  … 외 ${list.length - max}건 (--json 으로 전부 볼 수 있습니다)`);
}

export const excelTemplateCommand: Command = {
  name: 'excel template',
  usage: 'excel template [--out FILE] [--year Y] [--org CODE]',
  description:
    '계획 엑셀 서식 (시트별 단계, 목록 선택, 설명). --year: 기관·부서·區 목표를 그 해(또는 직전) 계획에서 채움',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { out: { type: 'string' }, year: { type: 'string' }, org: { type: 'string' } },
    });
    const year = values.year ? yearArg(values.year) : undefined;
    const db = year !== undefined || values.org ? (await ctx.database()).db : null;
    const r = await planTemplate(db, { year, orgCode: values.org });
    const out = values.out ?? `plan-template${year ? `-${year}` : ''}.xlsx`;
    saveFile(ctx, out, r.buffer, '엑셀 서식');
    if (r.seededFrom !== null) ctx.io.err(`기관·부서·區 목표를 ${r.seededFrom}년 계획에서 채웠습니다.`);
    return 0;
  },
};

export const excelExportPlanCommand: Command = {
  name: 'excel export-plan',
  usage: 'excel export-plan --year Y [--out FILE] [--org CODE]',
  description: '한 해의 계획을 엑셀 서식에 채워 내보내기 (고쳐서 excel import --replace 로 되가져오기)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { out: { type: 'string' }, year: { type: 'string' }, org: { type: 'string' } },
    });
    const r = await exportPlanWorkbook((await ctx.database()).db, yearArg(values.year), { orgCode: values.org });
    saveFile(
      ctx,
      values.out ?? `plan-${r.document.organization.code}-${r.document.plan.year}.xlsx`,
      r.buffer,
      `${r.document.plan.year}년 계획`,
    );
    return 0;
  },
};

export const excelImportCommand: Command = {
  name: 'excel import',
  usage: 'excel import FILE [--replace] [--dry-run] [--json]',
  description: '채운 엑셀 서식 가져오기: 문제를 시트·행·열로 보고, 미리보기 후 전부 아니면 전무로 반영',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: { replace: { type: 'boolean' }, 'dry-run': { type: 'boolean' }, json: { type: 'boolean' } },
    });
    const data = readFile(positionals[0], 'excel import FILE');
    const started = Date.now();
    const report = await importPlanWorkbook((await ctx.database()).db, data, cliActor(), {
      replace: values.replace,
      dryRun: values['dry-run'],
      onProgress: values.json ? undefined : progressPrinter(ctx),
    });
    if (values.json) {
      ctx.io.out(JSON.stringify(report, null, 2));
      return report.ok ? 0 : 1;
    }
    const p = report.preview;
    ctx.io.out(
      `미리보기: ${p.organization ? `${p.organization.name}(${p.organization.code}) ` : ''}${p.year ?? '?'}년 ${p.title ?? ''}`,
    );
    ctx.io.out(
      `  시트별 행: ${Object.entries(p.rows)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
    if (p.counts) {
      const c = p.counts;
      ctx.io.out(
        `  區 전략목표 ${c.orgStrategicGoals} · 區 성과목표 ${c.orgPerformanceGoals} · 부서 전략목표 ${c.deptStrategicGoals} · 부서 성과목표 ${c.deptPerformanceGoals} · 성과지표 ${c.indicators} (융합 ${c.convergenceIndicators}, 공통 ${c.commonIndicators}) · 이행과제 ${c.tasks} · 평가대상 부서 ${c.departments} · 실적 ${p.results}`,
      );
    }
    if (p.exists) ctx.io.out(`  ${p.year}년 계획이 이미 있습니다${values.replace ? ' (바꿉니다)' : ''}.`);
    printProblems(ctx, '경고', report.warnings);
    printProblems(ctx, '문제', report.problems);
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    if (!report.ok)
      ctx.io.out(`\n문제가 ${report.problems.length}건 있어 가져오지 않았습니다 (${secs}초). 고친 뒤 다시 가져오세요.`);
    else if (report.dryRun)
      ctx.io.out(`\n점검만 했습니다 (--dry-run, ${secs}초): 문제가 없습니다. 반영하려면 --dry-run 없이 실행하세요.`);
    else ctx.io.out(`\n${p.year}년 계획을 ${report.replaced ? '바꿨습니다' : '가져왔습니다'} (${secs}초).`);
    return report.ok ? 0 : 1;
  },
};

export const excelCheckCommand: Command = {
  name: 'excel check',
  usage: 'excel check FILE [--json] [--strict]',
  description:
    '엑셀 서식의 계획 점검 (가져오지 않음): 주장 합계 시트의 수치와 데이터의 차이 등 (오류가 있으면, --strict 이면 경고도 종료 코드 1)',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: { json: { type: 'boolean' }, strict: { type: 'boolean' } },
    });
    const r = await checkPlanWorkbook(readFile(positionals[0], 'excel check FILE'));
    const failed = r.errors > 0 || (!!values.strict && r.checkWarnings > 0);
    if (values.json) {
      ctx.io.out(JSON.stringify(r, null, 2));
      return failed ? 1 : 0;
    }
    if (!r.readable) {
      printProblems(ctx, '읽을 수 없는 문제', r.problems);
      ctx.io.out('\n엑셀 파일을 계획으로 읽을 수 없어 점검하지 못했습니다.');
      return 1;
    }
    printProblems(ctx, '경고(서식)', r.warnings);
    const claimed = r.checks.filter((c) => c.code.startsWith('claimed_'));
    const other = r.checks.filter((c) => !c.code.startsWith('claimed_'));
    const line = (c: (typeof r.checks)[number]) =>
      `  ${c.severity === 'error' ? '오류' : '경고'}\t${c.sheet ? `${c.sheet}${c.row ? ` ${c.row}행` : ''}\t` : ''}${c.message}`;
    if (claimed.length) {
      ctx.io.out(`문서가 주장한 수치와 데이터의 차이 ${claimed.length}건:`);
      claimed.forEach((c) => ctx.io.out(line(c)));
    }
    if (other.length) {
      ctx.io.out(`계획 점검 ${other.length}건:`);
      other.forEach((c) => ctx.io.out(line(c)));
    }
    ctx.io.out(
      `\n${r.year}년 계획 점검: 오류 ${r.errors}건, 경고 ${r.checkWarnings}건 (주장 합계와의 차이 ${r.claimedDifferences}건)`,
    );
    return failed ? 1 : 0;
  },
};

export const excelTablesCommand: Command = {
  name: 'excel tables',
  usage: 'excel tables --year Y [--out FILE] [--mode final|provisional] [--org CODE]',
  description: '계획의 표 전부(목표·지표 현황 … 융합지표 현황), 기간별 실적, 평가 결과를 인쇄용 엑셀로',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { out: { type: 'string' }, year: { type: 'string' }, mode: { type: 'string' }, org: { type: 'string' } },
    });
    const mode = modeArg(values.mode);
    const r = await exportPlanTables((await ctx.database()).db, yearArg(values.year), { orgCode: values.org, mode });
    saveFile(ctx, values.out ?? `tables-${r.document.organization.code}-${r.document.plan.year}.xlsx`, r.buffer, '표');
    return 0;
  },
};

export const excelCommands: Command[] = [
  excelTemplateCommand,
  excelExportPlanCommand,
  excelImportCommand,
  excelCheckCommand,
  excelTablesCommand,
];

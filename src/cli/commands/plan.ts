import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { exportPlan } from '../../features/plans/export-plan.js';
import { importPlan } from '../../features/plans/import-plan.js';
import { copyPlan } from '../../features/plans/copy-plan.js';
import { getPlanChecks, getPlanDiff, getPlanSummary } from '../../features/plans/plan-views.js';
import { cliActor } from '../../features/plans/context.js';
import { planDocumentJsonSchema } from '../../contracts/interchange.js';
import { validationError } from '../../domain/errors.js';
import { yearArg } from '../shared.js';

const json = (v: unknown) => JSON.stringify(v, null, 2);

export const summaryCommand: Command = {
  name: 'summary',
  usage: 'summary --year Y [--json] [--org CODE]',
  description: '목표·지표 현황 (계획의 표를 데이터에서 계산)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { year: { type: 'string' }, json: { type: 'boolean' }, org: { type: 'string' } },
    });
    const s = await getPlanSummary((await ctx.database()).db, yearArg(values.year), values.org);
    if (values.json) {
      ctx.io.out(JSON.stringify(s));
      return 0;
    }
    const c = s.counts;
    ctx.io.out(`${s.year}년 목표·지표 현황`);
    ctx.io.out(
      `區 전략목표 ${c.orgStrategicGoals} · 區 성과목표 ${c.orgPerformanceGoals} · 부서 전략목표 ${c.deptStrategicGoals} · 부서 성과목표 ${c.deptPerformanceGoals} · 성과지표 ${c.indicators} (융합 ${c.convergenceIndicators}, 공통 ${c.commonIndicators}) · 이행과제 ${c.tasks} · 부서 ${c.departments}`,
    );
    ctx.io.out('\n區 전략목표별 지표·과제 현황');
    for (const r of s.byOrgStrategicGoal)
      ctx.io.out(`  ${r.name}\t지표 ${r.indicators}\t융합 ${r.convergenceIndicators}\t과제 ${r.tasks}`);
    return 0;
  },
};

export const checkCommand: Command = {
  name: 'check',
  usage: 'check --year Y [--json] [--org CODE]',
  description: '계획 점검: 구조 문제와 문서가 주장한 합계와의 차이 (오류가 있으면 종료 코드 1)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { year: { type: 'string' }, json: { type: 'boolean' }, org: { type: 'string' } },
    });
    const r = await getPlanChecks((await ctx.database()).db, yearArg(values.year), values.org);
    if (values.json) ctx.io.out(json(r));
    else {
      for (const p of r.problems) ctx.io.out(`${p.severity === 'error' ? '오류' : '경고'}\t${p.path}\t${p.message}`);
      ctx.io.out(`\n${r.year}년 계획 점검: 오류 ${r.errors}건, 경고 ${r.warnings}건`);
    }
    return r.errors > 0 ? 1 : 0;
  },
};

export const planExportCommand: Command = {
  name: 'plan export',
  usage: 'plan export --year Y [--out FILE] [--org CODE]',
  description: '한 해의 계획을 교환 형식(JSON)으로 내보내기',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { year: { type: 'string' }, out: { type: 'string' }, org: { type: 'string' } },
    });
    const doc = await exportPlan((await ctx.database()).db, yearArg(values.year), values.org);
    const text = json(doc) + '\n';
    if (values.out) {
      fs.writeFileSync(values.out, text);
      ctx.io.err(
        `${values.out} 에 저장했습니다 (지표 ${doc.indicators.length}, 과제 ${doc.tasks.length}, 실적 ${doc.results.length}).`,
      );
    } else ctx.io.out(text.trimEnd());
    return 0;
  },
};

export const planImportCommand: Command = {
  name: 'plan import',
  usage: 'plan import FILE [--replace]',
  description: '교환 형식(JSON) 파일의 계획 가져오기 (먼저 검증, 전부 아니면 전무)',
  async run(ctx) {
    const { values, positionals } = parseArgs({
      args: ctx.args,
      allowPositionals: true,
      options: { replace: { type: 'boolean' } },
    });
    const file = positionals[0];
    if (!file)
      throw validationError('가져올 파일을 지정하세요: bsc plan import FILE', [
        { path: 'FILE', message: '파일이 필요합니다' },
      ]);
    let input: unknown;
    try {
      input = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      throw validationError(`파일 ${file} 을(를) JSON으로 읽을 수 없습니다: ${(e as Error).message}`, [
        { path: file, message: 'JSON이 아닙니다' },
      ]);
    }
    const r = await importPlan((await ctx.database()).db, input, cliActor(), { replace: values.replace });
    ctx.io.out(
      `${r.year}년 계획을 ${r.replaced ? '바꿨습니다' : '가져왔습니다'}: 부서 ${r.counts.departments}, 부서 전략목표 ${r.counts.deptStrategicGoals}, 지표 ${r.counts.indicators}, 과제 ${r.counts.tasks}, 실적 ${r.counts.results}`,
    );
    return 0;
  },
};

export const planCopyCommand: Command = {
  name: 'plan copy',
  usage: 'plan copy --from Y --to Y2 [--org CODE]',
  description: '계획을 다음 연도로 넘기기 (체계·지표·과제 복사, 실적 제외)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { from: { type: 'string' }, to: { type: 'string' }, org: { type: 'string' } },
    });
    const r = await copyPlan(
      (await ctx.database()).db,
      yearArg(values.from, '--from'),
      yearArg(values.to, '--to'),
      cliActor(),
      values.org,
    );
    ctx.io.out(`${r.year}년 계획(초안)을 만들었습니다: 지표 ${r.indicators}, 과제 ${r.tasks}`);
    return 0;
  },
};

export const planDiffCommand: Command = {
  name: 'plan diff',
  usage: 'plan diff --from A --to B [--json] [--org CODE]',
  description: '두 연도 계획의 달라진 점',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean' }, org: { type: 'string' } },
    });
    const d = await getPlanDiff(
      (await ctx.database()).db,
      yearArg(values.from, '--from'),
      yearArg(values.to, '--to'),
      values.org,
    );
    ctx.io.out(values.json ? JSON.stringify(d) : json(d));
    return 0;
  },
};

export const planSchemaCommand: Command = {
  name: 'plan schema',
  usage: 'plan schema',
  description: '교환 형식의 JSON Schema 출력',
  async run(ctx) {
    ctx.io.out(json(planDocumentJsonSchema()));
    return 0;
  },
};

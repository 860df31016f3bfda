/** `bsc documents …`: the plan document (시행계획) and the evaluation report, generated from the data. */
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { validationError } from '../../domain/errors.js';
import { generateEvaluationReport, generatePlanDocument } from '../../features/documents/generate.js';

const yearOf = (v: string | undefined) => {
  const n = Number(v);
  if (!v || !Number.isInteger(n))
    throw validationError('--year 에 연도를 지정하세요 (예: --year 2020).', [
      { path: '--year', message: '연도가 필요합니다' },
    ]);
  return n;
};

export const documentsPlanCommand: Command = {
  name: 'documents plan',
  usage: 'documents plan --year Y --format docx|pdf|hwpx [--out FILE] [--org CODE]',
  description: '시행계획 문서 (추진개요 … 붙임 2)를 데이터에서 생성',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: {
        year: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        org: { type: 'string' },
      },
    });
    const f = await generatePlanDocument((await ctx.database()).db, yearOf(values.year), values.format ?? 'pdf', {
      orgCode: values.org,
    });
    const out = values.out ?? f.asciiName;
    fs.writeFileSync(out, f.buffer);
    ctx.io.err(`${out} 에 ${f.fileName} 을(를) 저장했습니다 (${Math.round(f.buffer.length / 1024)} KB).`);
    return 0;
  },
};

export const documentsEvaluationCommand: Command = {
  name: 'documents evaluation',
  usage: 'documents evaluation --year Y --format xlsx|pdf [--out FILE] [--mode final|provisional] [--org CODE]',
  description: '부서 성과평가 결과 보고서 (순위·등급, 부서별 내역, 가점·감점, 평가체계)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: {
        year: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        mode: { type: 'string' },
        org: { type: 'string' },
      },
    });
    const mode = values.mode ?? 'final';
    if (mode !== 'final' && mode !== 'provisional')
      throw validationError('--mode 는 final 또는 provisional 입니다.', [{ path: '--mode', message: mode }]);
    const f = await generateEvaluationReport((await ctx.database()).db, yearOf(values.year), values.format ?? 'pdf', {
      orgCode: values.org,
      mode,
    });
    const out = values.out ?? f.asciiName;
    fs.writeFileSync(out, f.buffer);
    ctx.io.err(`${out} 에 ${f.fileName} 을(를) 저장했습니다 (${Math.round(f.buffer.length / 1024)} KB).`);
    return 0;
  },
};

export const documentsCommands: Command[] = [documentsPlanCommand, documentsEvaluationCommand];

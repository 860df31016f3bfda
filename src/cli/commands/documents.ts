/** `bsc documents …`: the plan document (시행계획) and the evaluation report, generated from the data. */
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { modeArg, saveFile, yearArg } from '../shared.js';
import { generateEvaluationReport, generatePlanDocument } from '../../features/documents/generate.js';

/** The options both documents take (the evaluation report adds --mode). */
const DOCUMENT_OPTIONS = {
  year: { type: 'string' },
  format: { type: 'string' },
  out: { type: 'string' },
  org: { type: 'string' },
} as const;

export const documentsPlanCommand: Command = {
  name: 'documents plan',
  usage: 'documents plan --year Y --format docx|pdf|hwpx [--out FILE] [--org CODE]',
  description: '시행계획 문서 (추진개요 … 붙임 2)를 데이터에서 생성',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.args, options: DOCUMENT_OPTIONS });
    const f = await generatePlanDocument((await ctx.database()).db, yearArg(values.year), values.format ?? 'pdf', {
      orgCode: values.org,
    });
    saveFile(ctx, values.out ?? f.asciiName, f.buffer, f.fileName);
    return 0;
  },
};

export const documentsEvaluationCommand: Command = {
  name: 'documents evaluation',
  usage: 'documents evaluation --year Y --format xlsx|pdf [--out FILE] [--mode final|provisional] [--org CODE]',
  description: '부서 성과평가 결과 보고서 (순위·등급, 부서별 내역, 가점·감점, 평가체계)',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.args, options: { ...DOCUMENT_OPTIONS, mode: { type: 'string' } } });
    const mode = modeArg(values.mode);
    const f = await generateEvaluationReport((await ctx.database()).db, yearArg(values.year), values.format ?? 'pdf', {
      orgCode: values.org,
      mode,
    });
    saveFile(ctx, values.out ?? f.asciiName, f.buffer, f.fileName);
    return 0;
  },
};

export const documentsCommands: Command[] = [documentsPlanCommand, documentsEvaluationCommand];

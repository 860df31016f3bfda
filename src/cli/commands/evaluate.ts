import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { validationError } from '../../domain/errors.js';
import { cliActor } from '../../features/plans/context.js';
import type { EvaluationCaller } from '../../features/evaluation/context.js';
import { evaluateDocument, whatIfForDocument } from '../../features/evaluation/evaluate-document.js';
import { getEvaluation, getEvaluationInput } from '../../features/evaluation/get-evaluation.js';
import { resolveUserScheme, whatIf } from '../../features/evaluation/what-if.js';
import { formatDepartment, formatEvaluation, formatWhatIf } from '../../features/evaluation/format-text.js';
import type { PresentedEvaluation } from '../../features/evaluation/present.js';
import { yearArg } from '../shared.js';

function readJson(file: string, flag: string): unknown {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw validationError(`${flag} 파일 ${file} 을(를) 읽을 수 없습니다: ${(e as Error).message}`, [
      { path: flag, message: '파일을 읽을 수 없습니다' },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch (e) {
    throw validationError(`${flag} 파일 ${file} 을(를) JSON으로 읽을 수 없습니다: ${(e as Error).message}`, [
      { path: flag, message: 'JSON이 아닙니다' },
    ]);
  }
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  usage:
    'evaluate (--year Y | --input FILE) [--json] [--provisional [--as-of 2020-Q2]] [--scheme FILE] [--department NAME] [--save-input FILE] [--org CODE]',
  description: '부서 성과평가: 점수·순위·등급과 설명 (--input: DB 없이 교환 파일로, --scheme: 모의평가, 저장 안 함)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: {
        year: { type: 'string' },
        input: { type: 'string' },
        json: { type: 'boolean' },
        provisional: { type: 'boolean' },
        'as-of': { type: 'string' },
        scheme: { type: 'string' },
        department: { type: 'string' },
        'save-input': { type: 'string' },
        org: { type: 'string' },
      },
    });
    if (!!values.year === !!values.input)
      throw validationError('--year Y 또는 --input FILE 중 하나를 지정하세요.', [
        { path: values.year ? '--input' : '--year', message: '둘 중 하나만 지정합니다' },
      ]);
    if (values.input && (values.org || values['save-input']))
      throw validationError('--input 과 함께 --org, --save-input 은 쓸 수 없습니다.', [
        { path: values.org ? '--org' : '--save-input', message: '--year 와만 씁니다' },
      ]);
    if (values.scheme && values.department)
      throw validationError('--scheme(모의평가)과 --department 는 함께 쓸 수 없습니다.', [
        { path: '--department', message: '모의평가는 전체 부서를 비교합니다' },
      ]);
    const mode = {
      mode: values.provisional ? ('provisional' as const) : ('final' as const),
      asOf: values['as-of'] ?? null,
    };
    const alt = values.scheme ? resolveUserScheme(readJson(values.scheme, '--scheme'), '--scheme') : null;
    const print = (v: unknown) => ctx.io.out(JSON.stringify(v, null, 2));

    // Outside the database: the interchange file, validated like an import.
    if (values.input) {
      const input = readJson(values.input, '--input');
      if (alt) {
        const w = whatIfForDocument(input, alt, mode);
        ctx.io.out(values.json ? JSON.stringify(w, null, 2) : formatWhatIf(w));
        return 0;
      }
      const { evaluation } = evaluateDocument(input, mode);
      return show(evaluation);
    }

    const db = (await ctx.database()).db;
    const caller: EvaluationCaller = { actor: cliActor(), principal: null };
    const year = yearArg(values.year, '--year', { inPlanRange: true });
    if (alt) {
      const { source, ...w } = await whatIf(db, caller, { year, scheme: alt, org: values.org, ...mode });
      ctx.io.err(source.note);
      ctx.io.out(values.json ? JSON.stringify(w, null, 2) : formatWhatIf(w));
      return 0;
    }
    if (values['save-input']) {
      const { doc, source } = await getEvaluationInput(db, caller, { year, org: values.org });
      fs.writeFileSync(values['save-input'], `${JSON.stringify(doc, null, 2)}\n`);
      ctx.io.err(
        `${values['save-input']} 에 평가 입력 자료를 저장했습니다 (${source.kind === 'live' ? '현재 자료' : '마감 스냅숏의 입력'}).`,
      );
    }
    const { source, ...evaluation } = await getEvaluation(db, caller, { year, org: values.org, ...mode });
    ctx.io.err(source.note);
    return show(evaluation);

    function show(evaluation: PresentedEvaluation): number {
      if (values.department) {
        const name = values.department.trim();
        const d = evaluation.departments.find((x) => x.department === name);
        if (!d)
          throw validationError(`${evaluation.year}년 평가에 부서 '${name}'이(가) 없습니다.`, [
            { path: '--department', message: `없는 부서이거나 평가대상이 아닙니다: ${name}` },
          ]);
        if (values.json) print(d);
        else ctx.io.out(formatDepartment(evaluation, d));
        return 0;
      }
      if (values.json) print(evaluation);
      else ctx.io.out(formatEvaluation(evaluation));
      return 0;
    }
  },
};

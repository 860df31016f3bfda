/**
 * 부서 성과평가 결과 보고서 — the evaluation report as a document model: the scheme's weights,
 * ranking and grades, each department's breakdown by indicator, the bonus and penalty lists with
 * their reasons, and every setting of the scheme (defaults marked). Read from the engine's output.
 */
import type { PlanDocument } from '../../contracts/interchange.js';
import type { Evaluation } from '../../domain/evaluation/evaluate.js';
import {
  bonusTable,
  departmentBreakdownTable,
  evaluationCaption,
  penaltyTable,
  rankingTable,
  schemeTable,
  showValue,
  weightsTable,
} from './evaluation-tables.js';
import type { Block, DocModel, Table } from './model.js';

const untitled = (t: Table): Table => ({ ...t, title: undefined });

export function buildEvaluationReportModel(
  doc: PlanDocument,
  e: Evaluation,
  /** sourceNote: where the evaluation comes from (a closed year's snapshot, the data now). */
  opts: { generatedOn?: string; sourceNote?: string } = {},
): DocModel {
  const caption = evaluationCaption(e);
  const h1 = (text: string): Block => ({ kind: 'heading', level: 1, text });
  const blocks: Block[] = [
    h1('1. 평가 개요'),
    {
      kind: 'bullets',
      items: [
        { text: `평가기간 : ${e.year}. 1. 1. ~ 12. 31.` },
        {
          text: `평가대상 : ${e.departments.length}개 부서 (${e.rankingGroups.length > 1 ? e.rankingGroups.map((g) => `${g.name} ${g.size}`).join(', ') : '한 그룹으로 순위'})`,
        },
        { text: `평가방식 : ${caption} — ${showValue(e.scheme.achievement.countedStatuses[e.mode])} 상태의 실적 반영` },
      ],
    },
    weightsTable(e.scheme),
    h1('2. 순위 및 등급'),
    untitled(rankingTable(e)),
    h1('3. 부서별 평가 내역 (지표별)'),
    untitled(departmentBreakdownTable(e, doc)),
    h1('4. 가점 내역'),
    untitled(bonusTable(e)),
    h1('5. 감점 내역'),
    untitled(penaltyTable(e)),
    h1('6. 적용한 평가체계 설정'),
    {
      kind: 'paragraph',
      text: '평가에 쓴 설정 전부입니다. 「기본값」은 계획(또는 제품)이 정한 값을 그대로 쓴 것입니다.',
      style: 'note',
    },
    untitled(schemeTable(e.scheme)),
  ];
  if (e.warnings.length)
    blocks.push(h1('7. 데이터 경고'), {
      kind: 'bullets',
      items: e.warnings.map((w) => ({ text: `${w.message} (${w.path})` })),
    });
  return {
    title: `${e.year}년 부서 성과평가 결과`,
    subtitle: caption,
    meta: [
      doc.organization.name,
      ...(doc.plan.illustrative ? ['예시 데이터로 계산한 결과입니다 (데모).'] : []),
      ...(opts.sourceNote ? [opts.sourceNote] : []),
      opts.generatedOn
        ? `성과관리 시스템의 평가 결과에서 생성: ${opts.generatedOn}`
        : '성과관리 시스템의 평가 결과에서 생성',
    ],
    runningHeader: `${doc.organization.name} · ${e.year}년 부서 성과평가 결과 (${caption})`,
    blocks,
  };
}

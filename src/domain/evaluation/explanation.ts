/**
 * 설명 트리 — why a department has its score. Every node names the rule that produced its value
 * (a stable id, documented in docs/scoring.md) and, where the value comes from data, the data:
 * the indicator, result, rating, penalty case, bonus award, qualitative score or setting.
 *
 * Invariant (checked by `checkExplanation`): the root's value is the department's total, and the
 * values of a node's children add up (signs included) to the node's value. Data that does not add
 * up — a result's actual, a rater's scores — is listed in `sources`, not as children.
 */
export type ExplanationSourceKind = 'indicator' | 'result' | 'rating' | 'case' | 'award' | 'qualitative' | 'setting';

export interface ExplanationSource {
  kind: ExplanationSourceKind;
  /** Codes, periods and department names that identify the data, e.g. "IND-03 · 교통과 · 2020 (검증)". */
  ref: string;
  /** What the figure is ("실적", "평가위원 김OO 품질점수", …). */
  label?: string;
  value?: number | string | boolean | null;
}

export interface ExplanationNode {
  /** Korean label. */
  label: string;
  /** The rule's stable id, e.g. 'achievement.weightedMean'. */
  rule: string;
  /** Points, full precision (negative for penalties). */
  value: number;
  /** The computation with its numbers, rounded for reading. */
  formula?: string;
  /** The main datum this node comes from. */
  source?: ExplanationSource;
  /** Further data used (results, ratings, settings). */
  sources?: ExplanationSource[];
  /** A remark: an edge case, why something is left out. */
  note?: string;
  children: ExplanationNode[];
}

export interface ExplanationProblem {
  /** Labels from the root to the node. */
  path: string[];
  message: string;
}

/** Every node whose children do not add up to its value (tolerance `epsilon`). Empty when the tree is sound. */
export function checkExplanation(root: ExplanationNode, epsilon = 1e-9): ExplanationProblem[] {
  const problems: ExplanationProblem[] = [];
  const walk = (node: ExplanationNode, path: string[]) => {
    const here = [...path, node.label];
    if (!Number.isFinite(node.value))
      problems.push({ path: here, message: `값이 유한한 수가 아닙니다: ${node.value}` });
    if (node.children.length > 0) {
      const sum = node.children.reduce((s, c) => s + c.value, 0);
      if (Math.abs(sum - node.value) > epsilon)
        problems.push({ path: here, message: `하위 항목의 합 ${sum}이(가) 값 ${node.value}와(과) 다릅니다` });
    }
    for (const c of node.children) walk(c, here);
  };
  walk(root, []);
  return problems;
}

/** Visits every node, depth first. */
export function walkExplanation(root: ExplanationNode, visit: (node: ExplanationNode, depth: number) => void): void {
  const walk = (n: ExplanationNode, d: number) => {
    visit(n, d);
    for (const c of n.children) walk(c, d + 1);
  };
  walk(root, 0);
}

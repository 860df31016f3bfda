/**
 * Messages of the evaluation screens (web/src/pages/evaluation/), Korean and English side by side. The English
 * object must have exactly the Korean keys (the type checker enforces it); i18n/ko.ts and en.ts
 * mount them under `m.evaluation`.
 */
import type { Widen } from '../widen';

export const evaluationKo = {
  nav: '평가',
};

export const evaluationEn: Widen<typeof evaluationKo> = {
  nav: 'Evaluation',
};

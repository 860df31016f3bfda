/**
 * Messages of the work screens (web/src/pages/work/), Korean and English side by side. The English
 * object must have exactly the Korean keys (the type checker enforces it); i18n/ko.ts and en.ts
 * mount them under `m.work`.
 */
import type { Widen } from '../widen';

export const workKo = {
  nav: '할 일',
};

export const workEn: Widen<typeof workKo> = {
  nav: 'My work',
};

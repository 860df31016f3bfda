/**
 * Messages of the files screens (web/src/pages/files/), Korean and English side by side. The English
 * object must have exactly the Korean keys (the type checker enforces it); i18n/ko.ts and en.ts
 * mount them under `m.files`.
 */
import type { Widen } from '../widen';

export const filesKo = {
  nav: '엑셀·문서',
};

export const filesEn: Widen<typeof filesKo> = {
  nav: 'Excel & documents',
};

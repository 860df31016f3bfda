/**
 * Messages of the admin screens (web/src/pages/admin/), Korean and English side by side. The English
 * object must have exactly the Korean keys (the type checker enforces it); i18n/ko.ts and en.ts
 * mount them under `m.admin`.
 */
import type { Widen } from '../widen';

export const adminKo = {
  nav: '계획 관리',
};

export const adminEn: Widen<typeof adminKo> = {
  nav: 'Plan administration',
};

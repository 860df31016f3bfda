/** The help area: 도움말, what each role does (see app/area.ts). */
import { lazy } from 'react';
import type { Area } from '../../app/area';

const HelpPage = lazy(() => import('./HelpPage'));

export const helpArea: Area = {
  routes: [{ path: 'help', element: <HelpPage /> }],
  nav: [{ path: '/help', label: (m) => m.help.nav }],
};

/** The files area (엑셀·문서): its routes and navigation entries (see app/area.ts). */
import { lazy } from 'react';
import type { Area } from '../../app/area';

const FilesPage = lazy(() => import('./FilesPage'));

export const filesArea: Area = {
  routes: [{ path: 'files', element: <FilesPage /> }],
  // Every signed-in role may read the plan (plan.read); the page offers what the session's abilities allow.
  nav: [{ path: '/files', label: (m) => m.files.nav }],
};

/** The admin area: its routes and navigation entries (see app/area.ts). */
import { lazy } from 'react';
import type { Area } from '../../app/area';

const AdminPage = lazy(() => import('./AdminPage'));

export const adminArea: Area = {
  routes: [{ path: 'admin', element: <AdminPage /> }],
  nav: [{ path: '/admin', label: (m) => m.admin.nav, abilities: ['plan.edit'] }],
};

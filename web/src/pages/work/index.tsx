/** The work area: its routes and navigation entries (see app/area.ts). */
import type { Area } from '../../app/area';

export const workArea: Area = {
  routes: [],
  nav: [{ path: '/inbox', label: (m) => m.work.nav, roles: ['department_staff', 'department_head', 'planner'] }],
};

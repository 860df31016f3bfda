/** The admin area: its routes and navigation entries (see app/area.ts). */
import type { Area } from '../../app/area';

export const adminArea: Area = {
  routes: [],
  nav: [{ path: '/admin', label: (m) => m.admin.nav, roles: ['planner', 'administrator'] }],
};

/** The files area: its routes and navigation entries (see app/area.ts). */
import type { Area } from '../../app/area';

export const filesArea: Area = {
  routes: [],
  nav: [
    {
      path: '/files',
      label: (m) => m.files.nav,
      roles: ['planner', 'administrator', 'executive', 'viewer', 'department_head', 'department_staff'],
    },
  ],
};

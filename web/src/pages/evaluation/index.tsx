/** The evaluation area: its routes and navigation entries (see app/area.ts). */
import type { Area } from '../../app/area';

export const evaluationArea: Area = {
  routes: [],
  nav: [
    {
      path: '/evaluation',
      label: (m) => m.evaluation.nav,
      roles: [
        'planner',
        'rater',
        'committee',
        'executive',
        'administrator',
        'department_head',
        'department_staff',
        'viewer',
      ],
    },
  ],
};

/** The work area: its routes and navigation entries (see app/area.ts). */
import { lazy } from 'react';
import type { Area } from '../../app/area';

const InboxPage = lazy(() => import('./InboxPage'));
const EntryPage = lazy(() => import('./EntryPage'));
const BulkEntryPage = lazy(() => import('./BulkEntryPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));

export const workArea: Area = {
  routes: [
    { path: 'inbox', element: <InboxPage /> },
    { path: 'entry', element: <BulkEntryPage /> },
    { path: 'entry/:code', element: <EntryPage /> },
    { path: 'results/:id', element: <ReviewPage /> },
  ],
  nav: [{ path: '/inbox', label: (m) => m.work.nav, roles: ['department_staff', 'department_head', 'planner'] }],
};

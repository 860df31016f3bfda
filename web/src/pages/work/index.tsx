/** The work area: its routes and navigation entries (see app/area.ts). */
import { lazy } from 'react';
import type { Area } from '../../app/area';

const InboxPage = lazy(() => import('./InboxPage'));
const EntryPage = lazy(() => import('./EntryPage'));
const BulkEntryPage = lazy(() => import('./BulkEntryPage'));
const ReviewPage = lazy(() => import('./ReviewPage'));
const CalendarPage = lazy(() => import('./CalendarPage'));

/** Who has results work: entering, approving or verifying (the policy's actions). */
export const WORK_ABILITIES = ['result.enter', 'result.approve', 'result.verify'] as const;

export const workArea: Area = {
  routes: [
    { path: 'inbox', element: <InboxPage /> },
    { path: 'entry', element: <BulkEntryPage /> },
    { path: 'entry/:code', element: <EntryPage /> },
    { path: 'results/:id', element: <ReviewPage /> },
    { path: 'calendar', element: <CalendarPage /> },
  ],
  nav: [
    { path: '/inbox', label: (m) => m.work.nav, abilities: WORK_ABILITIES },
    // Everyone who reads the plan sees the deadlines; the planner (plan.edit) edits them there.
    { path: '/calendar', label: (m) => m.work.calendar.nav, abilities: ['plan.read'] },
  ],
};

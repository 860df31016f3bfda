/**
 * 도움말's content: for each role (in the order a year runs) the steps of its job, each with the
 * screen where it is done. The words are in i18n/areas/help.ts (`steps.<key>`, `pages.<page>`);
 * the paths are the app's routes, so a test can walk every link and find a page behind it.
 */
import type { Role } from '../../api/session';
import type { helpKo } from '../../i18n/areas/help';

export type StepKey = keyof typeof helpKo.steps;
export type PageKey = keyof typeof helpKo.pages;

export interface GuideStep {
  step: StepKey;
  page: PageKey;
  path: string;
}

const s = (step: StepKey, page: PageKey, path: string): GuideStep => ({ step, page, path });

export const GUIDE: Record<Role, GuideStep[]> = {
  department_staff: [
    s('staffInbox', 'inbox', '/inbox'),
    s('staffEntry', 'entry', '/entry'),
    s('staffSubmit', 'inbox', '/inbox'),
    s('staffReturned', 'inbox', '/inbox'),
    s('staffCalendar', 'calendar', '/calendar'),
  ],
  department_head: [
    s('headInbox', 'inbox', '/inbox'),
    s('headDepartment', 'department', '/departments'),
    s('headEvaluation', 'evaluation', '/evaluation'),
  ],
  planner: [
    s('plannerAdmin', 'admin', '/admin'),
    s('plannerChecks', 'checks', '/checks'),
    s('plannerCalendar', 'calendar', '/calendar'),
    s('plannerVerify', 'inbox', '/inbox'),
    s('plannerRaters', 'raters', '/evaluation/raters'),
    s('plannerScheme', 'scheme', '/evaluation/scheme'),
    s('plannerPenalties', 'penalties', '/evaluation/penalties'),
    s('plannerClose', 'evaluation', '/evaluation'),
    s('plannerDocuments', 'files', '/files'),
    s('plannerRollover', 'diff', '/diff'),
  ],
  rater: [s('raterSheet', 'rating', '/evaluation/rating')],
  committee: [s('committeeBonus', 'bonus', '/evaluation/bonus')],
  executive: [
    s('executiveHome', 'home', '/'),
    s('executiveQualitative', 'qualitative', '/evaluation/qualitative'),
    s('executiveRanking', 'evaluation', '/evaluation'),
  ],
  administrator: [
    s('adminUsers', 'users', '/settings/users'),
    s('adminDepartments', 'departments', '/settings/departments'),
    s('adminAudit', 'audit', '/settings/audit'),
  ],
  viewer: [
    s('viewerHome', 'home', '/'),
    s('viewerPlan', 'plan', '/plan'),
    s('viewerDepartments', 'department', '/departments'),
  ],
};

/** Roles in the order a year runs: entering, approving, planning, rating, awarding, scoring, running, reading. */
export const ROLE_ORDER: Role[] = [
  'department_staff',
  'department_head',
  'planner',
  'rater',
  'committee',
  'executive',
  'administrator',
  'viewer',
];

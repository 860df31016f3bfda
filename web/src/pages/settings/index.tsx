/**
 * The settings area (설정: accounts, departments, audit trail — the system administrator's work,
 * also open to planners as the policy says): its routes and navigation entry (see app/area.ts).
 * /settings opens the first page the session may use.
 */
import { lazy } from 'react';
import { Navigate } from 'react-router';
import type { Area } from '../../app/area';
import { useAbilities } from '../../api/session';
import { Loading } from '../../components/QueryState';
import { SETTINGS_ABILITIES, SETTINGS_PAGES } from './shared';
import './settings.css';

const UsersPage = lazy(() => import('./UsersPage'));
const NewUserPage = lazy(() => import('./NewUserPage'));
const ImportUsersPage = lazy(() => import('./ImportUsersPage'));
const UserPage = lazy(() => import('./UserPage'));
const DepartmentsPage = lazy(() => import('./DepartmentsPage'));
const AuditPage = lazy(() => import('./AuditPage'));

function SettingsHome() {
  const { can, ready } = useAbilities();
  if (!ready) return <Loading />;
  const first = SETTINGS_PAGES.find((p) => can(p.ability));
  return <Navigate to={first?.path ?? '/'} replace />;
}

export const settingsArea: Area = {
  routes: [
    { path: 'settings', element: <SettingsHome /> },
    { path: 'settings/users', element: <UsersPage /> },
    { path: 'settings/users/new', element: <NewUserPage /> },
    { path: 'settings/users/import', element: <ImportUsersPage /> },
    { path: 'settings/users/:id', element: <UserPage /> },
    { path: 'settings/departments', element: <DepartmentsPage /> },
    { path: 'settings/audit', element: <AuditPage /> },
  ],
  nav: [{ path: '/settings', label: (m) => m.settings.nav, abilities: SETTINGS_ABILITIES }],
};

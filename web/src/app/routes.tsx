/**
 * The route table. Every page is its own lazily loaded chunk, so the first load carries only the
 * shell; add a page by adding a line here and a key in the nav/i18n catalogs (docs/web.md).
 */
import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { Shell } from './Shell';
import { areas } from './areas';

const HomePage = lazy(() => import('../pages/HomePage'));
const ExplorerPage = lazy(() => import('../pages/ExplorerPage'));
const TablesPage = lazy(() => import('../pages/TablesPage'));
const DepartmentsPage = lazy(() => import('../pages/DepartmentsPage'));
const DepartmentPage = lazy(() => import('../pages/DepartmentPage'));
const IndicatorPage = lazy(() => import('../pages/IndicatorPage'));
const ChecksPage = lazy(() => import('../pages/ChecksPage'));
const DiffPage = lazy(() => import('../pages/DiffPage'));
const LoginPage = lazy(() => import('../pages/LoginPage'));
const NotFoundPage = lazy(() => import('../pages/NotFoundPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: <Shell />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'plan', element: <ExplorerPage /> },
      { path: 'tables', element: <TablesPage /> },
      { path: 'departments', element: <DepartmentsPage /> },
      { path: 'departments/:name', element: <DepartmentPage /> },
      { path: 'indicators/:code', element: <IndicatorPage /> },
      { path: 'checks', element: <ChecksPage /> },
      { path: 'diff', element: <DiffPage /> },
      ...areas.flatMap((a) => a.routes),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

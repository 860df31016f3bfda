/** The evaluation area: its routes and navigation entries (see app/area.ts). */
import { lazy, Suspense } from 'react';
import type { Area } from '../../app/area';

const RankingPage = lazy(() => import('./RankingPage'));
const BreakdownPage = lazy(() => import('./BreakdownPage'));
const RatingPage = lazy(() => import('./RatingPage'));
const BonusPage = lazy(() => import('./BonusPage'));
const QualitativePage = lazy(() => import('./QualitativePage'));
const RatersPage = lazy(() => import('./RatersPage'));
const SchemePage = lazy(() => import('./SchemePage'));
const PenaltiesPage = lazy(() => import('./PenaltiesPage'));

const HomeRanking = lazy(() => import('./HomeRanking'));

/** The home dashboard's top-departments card (HomePage imports it; it renders nothing for most users). */
export function EvaluationHomeCard() {
  return (
    <Suspense fallback={null}>
      <HomeRanking />
    </Suspense>
  );
}

export const evaluationArea: Area = {
  routes: [
    { path: 'evaluation', element: <RankingPage /> },
    { path: 'evaluation/departments/:name', element: <BreakdownPage /> },
    { path: 'evaluation/rating', element: <RatingPage /> },
    { path: 'evaluation/bonus', element: <BonusPage /> },
    { path: 'evaluation/qualitative', element: <QualitativePage /> },
    { path: 'evaluation/raters', element: <RatersPage /> },
    { path: 'evaluation/scheme', element: <SchemePage /> },
    { path: 'evaluation/penalties', element: <PenaltiesPage /> },
  ],
  nav: [
    {
      path: '/evaluation',
      label: (m) => m.evaluation.nav,
    },
  ],
};

/** What the evaluation screens share: the tabs between them, the user's abilities, number parsing, setting values. */
import { Link, useLocation } from 'react-router';
import { Button, Group } from '@mantine/core';
import { useAbilities } from '../../api/session';
import { useHref } from '../../app/year';
import { useI18n } from '../../i18n';

/** The evaluation screens the user may open, as a row of links (the current one marked). */
export function EvaluationTabs() {
  const { m } = useI18n();
  const { can } = useAbilities();
  const href = useHref();
  const { pathname } = useLocation();
  const tabs = [
    { path: '/evaluation', label: m.evaluation.tabRanking, show: can('evaluation.read') },
    { path: '/evaluation/rating', label: m.evaluation.tabRating, show: can('rating.read') },
    { path: '/evaluation/bonus', label: m.evaluation.tabBonus, show: can('bonus.grant') },
    { path: '/evaluation/qualitative', label: m.evaluation.tabQualitative, show: can('qualitative.write') },
    { path: '/evaluation/raters', label: m.evaluation.tabRaters, show: can('rating.manage') },
    { path: '/evaluation/scheme', label: m.evaluation.tabScheme, show: can('plan.edit') },
    {
      path: '/evaluation/penalties',
      label: m.evaluation.tabPenalties,
      show: can('penalty.detect') || can('penalty.waive'),
    },
  ].filter((t) => t.show);
  if (tabs.length < 2) return null;
  const current = (p: string) =>
    p === '/evaluation' ? pathname === p || pathname.startsWith('/evaluation/departments/') : pathname === p;
  return (
    <nav aria-label={m.evaluation.tabsLabel} className="no-print">
      <Group gap="xs">
        {tabs.map((t) => (
          <Button
            key={t.path}
            component={Link}
            to={href(t.path)}
            size="xs"
            variant={current(t.path) ? 'filled' : 'default'}
            aria-current={current(t.path) ? 'page' : undefined}
          >
            {t.label}
          </Button>
        ))}
      </Group>
    </nav>
  );
}

/** '' → null; a finite number → it; anything else → NaN (invalid). */
export function parseScore(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
}

export const inRange = (n: number | null, min: number, max: number) =>
  n !== null && !Number.isNaN(n) && n >= min && n <= max;

/** Two decimals for points. */
export const pts = (num: (n: number | null | undefined, digits?: number) => string, n: number | null | undefined) =>
  num(n, 2);

/** A scheme setting's value as text ('–' for none; lists and records as JSON). */
export const settingText = (v: unknown): string =>
  v === null || v === undefined ? '–' : typeof v === 'object' ? JSON.stringify(v) : String(v);

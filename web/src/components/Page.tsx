/** A page: its <h1> (also the document title), focused after an in-app navigation so screen readers announce it. */
import { useEffect, useRef, type ReactNode } from 'react';
import { useLocation } from 'react-router';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useI18n } from '../i18n';

/** The path whose page last took the focus (null before the first page is shown). */
let shownPath: string | null = null;

export function Page({
  title,
  intro,
  actions,
  badges,
  children,
}: {
  title: string;
  intro?: ReactNode;
  actions?: ReactNode;
  badges?: ReactNode;
  children: ReactNode;
}) {
  const { m } = useI18n();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${m.app.name}`;
  }, [title, m.app.name]);
  // After an in-app navigation to another path (not on the first load, nor when only the query
  // changes, e.g. typing in a search box), move focus to the new page's heading so that screen
  // readers announce it. Safe under StrictMode's double effects.
  const { pathname } = useLocation();
  useEffect(() => {
    if (shownPath !== null && shownPath !== pathname) h1.current?.focus({ preventScroll: false });
    shownPath = pathname;
  }, [pathname]);
  return (
    <Stack gap="md" className="page">
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <div>
          <Group gap="xs" align="center">
            <Title order={1} ref={h1} tabIndex={-1} className="page-title">
              {title}
            </Title>
            {badges}
          </Group>
          {intro ? (
            <Text c="dimmed" size="sm" mt={4} maw={820} component="div">
              {intro}
            </Text>
          ) : null}
        </div>
        <Group gap="xs" className="no-print">
          {actions}
          <Button variant="default" size="xs" onClick={() => window.print()}>
            {m.app.print}
          </Button>
        </Group>
      </Group>
      {children}
    </Stack>
  );
}

export function Section({
  title,
  id,
  children,
  actions,
}: {
  title: string;
  id?: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section aria-labelledby={headingId} id={id} className="page-section">
      <Group justify="space-between" align="center" mb="xs">
        <Title order={2} size="h3" id={headingId}>
          {title}
        </Title>
        {actions}
      </Group>
      {children}
    </section>
  );
}

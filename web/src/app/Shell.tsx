/**
 * The frame of every page: skip link, header (organization, year, language, user menu),
 * navigation (a drawer below tablet-landscape width) and the main landmark.
 */
import { Suspense, useEffect } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import {
  AppShell,
  Burger,
  Group,
  Menu,
  NativeSelect,
  NavLink,
  SegmentedControl,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { usePlans } from '../api/plans';
import { useLogout, useSession } from '../api/session';
import type { NavItem } from './area';
import { areas } from './areas';
import { IllustrativeBadge } from '../components/Illustrative';
import { Loading, QueryError } from '../components/QueryState';
import { SessionWarning } from '../components/SessionWarning';
import { useI18n, type Lang } from '../i18n';
import { useHref, useSetYear, useYear } from './year';

/** The shell's own pages (public), then each area's entries for the user's roles. */
export const navItems: NavItem[] = [
  { path: '/', label: (m) => m.nav.home, public: true },
  { path: '/plan', label: (m) => m.nav.explorer, public: true },
  { path: '/tables', label: (m) => m.nav.tables, public: true },
  { path: '/departments', label: (m) => m.nav.departments, public: true },
  ...areas.flatMap((a) => a.nav),
  { path: '/checks', label: (m) => m.nav.checks, public: true },
  { path: '/diff', label: (m) => m.nav.diff, public: true },
];

export function visibleNav(signedIn: boolean, abilities: readonly string[]): NavItem[] {
  return navItems.filter(
    (item) => item.public || (signedIn && (!item.abilities || item.abilities.some((a) => abilities.includes(a)))),
  );
}

function YearSwitcher() {
  const { m, format } = useI18n();
  const { year, plans } = useYear();
  const setYear = useSetYear();
  if (plans.length === 0) return null;
  return (
    <NativeSelect
      aria-label={m.header.yearSelectLabel}
      size="sm"
      value={String(year ?? '')}
      onChange={(e) => setYear(Number(e.currentTarget.value))}
      data={[...plans]
        .sort((a, b) => b.year - a.year)
        .map((p) => ({ value: String(p.year), label: format(m.header.yearOption, { year: p.year }) }))}
      w={104}
    />
  );
}

function LanguageSwitch() {
  const { m, lang, setLang } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      aria-label={m.header.languageSelectLabel}
      value={lang}
      onChange={(v) => setLang(v as Lang)}
      data={[
        { value: 'ko', label: <span lang="ko">{m.language.ko}</span> },
        { value: 'en', label: <span lang="en">{m.language.en}</span> },
      ]}
    />
  );
}

function UserMenu() {
  const { m } = useI18n();
  const session = useSession();
  const logout = useLogout();
  const href = useHref();
  const user = session.data?.user ?? null;
  const name = user ? user.displayName || user.username : m.header.guest;
  const roles = user?.roles ?? [];
  return (
    <Menu position="bottom-end" withinPortal shadow="md" width={220}>
      <Menu.Target>
        <UnstyledButton className="user-button">
          <span className="user-avatar" aria-hidden="true">
            {name.slice(0, 1)}
          </span>
          <span className="visually-hidden">{m.header.userMenu}: </span>
          <Text size="sm" component="span" className="user-name">
            {name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{name}</Menu.Label>
        {roles.map((r, i) => (
          <Text key={i} size="xs" px="sm" pb={4}>
            {m.roles[r.role]}
            {r.department ? ` · ${r.department.name}` : ''}
          </Text>
        ))}
        {session.data && !session.data.authAvailable ? (
          <Text size="xs" c="dimmed" px="sm" pb="xs">
            {m.app.readOnlyNotice}
          </Text>
        ) : null}
        {user ? (
          <Menu.Item onClick={() => logout.mutate(undefined, { onSettled: () => window.location.assign('/login') })}>
            {m.header.logout}
          </Menu.Item>
        ) : (
          <Menu.Item component="a" href={href('/login')}>
            {m.header.login}
          </Menu.Item>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}

export function Shell() {
  const { m, locale } = useI18n();
  const [opened, { toggle, close }] = useDisclosure(false);
  const plans = usePlans();
  const { year, plan } = useYear();
  const href = useHref();
  const location = useLocation();
  useEffect(close, [location.pathname, close]);
  // A printout shows folded details too (diff levels, result details).
  useEffect(() => {
    const open = () =>
      document.querySelectorAll('main details:not([open])').forEach((el) => el.setAttribute('open', ''));
    window.addEventListener('beforeprint', open);
    return () => window.removeEventListener('beforeprint', open);
  }, []);
  const orgName = plans.data?.organization.name ?? '';
  const session = useSession().data;
  const user = session?.user ?? null;
  const abilities = session?.abilities ?? [];

  const isActive = (path: string) => (path === '/' ? location.pathname === '/' : location.pathname.startsWith(path));

  return (
    <>
      <a href="#main-content" className="skip-link">
        {m.app.skipToContent}
      </a>
      <AppShell
        header={{ height: 60 }}
        navbar={{ width: 208, breakpoint: 'md', collapsed: { mobile: !opened } }}
        padding="md"
      >
        <AppShell.Header className="app-header">
          <Group h="100%" px="md" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="sm" wrap="nowrap" miw={0}>
              <Burger
                opened={opened}
                onClick={toggle}
                hiddenFrom="md"
                size="sm"
                aria-label={opened ? m.header.closeNav : m.header.openNav}
                aria-expanded={opened}
                aria-controls="main-nav"
              />
              <RouterNavLink to={href('/')} className="brand">
                <span className="brand-mark" aria-hidden="true">
                  BSC
                </span>
                <span className="brand-text">
                  <span className="brand-org">{orgName}</span>
                  <span className="brand-app">{m.app.fullName}</span>
                </span>
              </RouterNavLink>
              {plan?.illustrative ? <IllustrativeBadge /> : null}
            </Group>
            <Group gap="sm" wrap="nowrap" className="no-print">
              <YearSwitcher />
              <LanguageSwitch />
              <UserMenu />
            </Group>
          </Group>
        </AppShell.Header>

        <AppShell.Navbar p="xs" id="main-nav" aria-label={m.nav.label} className="app-nav">
          {visibleNav(user !== null, abilities).map((item) => (
            <NavLink
              key={item.path}
              component={RouterNavLink}
              to={href(item.path)}
              label={item.label(m)}
              active={isActive(item.path)}
              aria-current={isActive(item.path) ? 'page' : undefined}
              className="nav-link"
              variant="filled"
            />
          ))}
        </AppShell.Navbar>

        <AppShell.Main id="main-content" tabIndex={-1} className="app-main">
          <div className="print-only print-header">
            {orgName} · {m.app.fullName} · {year ?? ''} · {m.app.printedAt} {new Date().toLocaleString(locale)}
          </div>
          {plans.isError ? (
            <QueryError error={plans.error} onRetry={() => void plans.refetch()} />
          ) : plans.isPending ? (
            <Loading />
          ) : plans.data.plans.length === 0 ? (
            <Text>{m.app.noPlans}</Text>
          ) : (
            <Suspense fallback={<Loading />}>
              <Outlet />
            </Suspense>
          )}
        </AppShell.Main>
      </AppShell>
      <SessionWarning />
    </>
  );
}

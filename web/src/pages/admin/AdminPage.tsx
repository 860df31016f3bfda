/**
 * 계획 관리 (/admin): the year's plan as a tree with each item's plan-check problems beside it, the
 * selected item's edit form (add a child, delete), the checks as a list, the roll-over to the next
 * year and a link to the year diff. Changes go through the plan administration API
 * (docs/plan-admin.md); unsaved changes are guarded when another item or page is opened.
 */
import { useCallback, useMemo, useState } from 'react';
import { Link } from 'react-router';
import {
  Alert,
  Anchor,
  Badge,
  Button,
  Grid,
  Group,
  Modal,
  Paper,
  Stack,
  Table,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { LIST_OF, LEVEL_OF, useRollover, type AdminLevel, type RolloverResponse } from '../../api/admin';
import { ApiError } from '../../api/client';
import { useChecks, useTree } from '../../api/plans';
import { useSession } from '../../api/session';
import type { Level, PlanProblem, TreeNode } from '../../api/types';
import { useHref, useYear } from '../../app/year';
import { IllustrativeBadge } from '../../components/Illustrative';
import { useLeaveGuard } from '../../components/UnsavedGuard';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { ItemEditor, type EditorTarget, type ParentOption } from './ItemEditor';
import './admin.css';

const itemKey = (level: Level, code: string) => `${LIST_OF[level]}[${code}]`;

/** The plan-check problems by item ("indicators[I012]"), from each problem's path. */
function problemsByItem(problems: PlanProblem[]): Map<string, PlanProblem[]> {
  const map = new Map<string, PlanProblem[]>();
  for (const p of problems) {
    const m = /^(\w+)\[([^\]]+)\]/.exec(p.path);
    if (!m) continue;
    const key = `${m[1]}[${m[2]}]`;
    map.set(key, [...(map.get(key) ?? []), p]);
  }
  return map;
}

/** The item a problem points at, when it is an item of the hierarchy. */
function targetOfPath(path: string): { level: Level; code: string } | null {
  const m = /^(\w+)\[([^\]]+)\]/.exec(path);
  if (!m || !(m[1]! in LEVEL_OF)) return null;
  return { level: LEVEL_OF[m[1] as AdminLevel], code: m[2]! };
}

function AdminTree({
  nodes,
  label,
  selected,
  expanded,
  onToggle,
  onPick,
  problems,
}: {
  nodes: TreeNode[];
  label: string;
  selected: string | null;
  expanded: Set<string>;
  onToggle: (key: string) => void;
  onPick: (n: TreeNode) => void;
  problems: Map<string, PlanProblem[]>;
}) {
  const { m, format } = useI18n();
  const a = m.admin;
  const render = (list: TreeNode[], depth: number): React.ReactNode => (
    <ul className="admin-tree">
      {list.map((n) => {
        const key = itemKey(n.level, n.code);
        const open = expanded.has(key);
        const probs = problems.get(key) ?? [];
        const errors = probs.filter((p) => p.severity === 'error').length;
        return (
          <li key={key}>
            <div
              className={`admin-tree-row${selected === key ? ' is-selected' : ''}`}
              style={{ paddingLeft: depth * 14 }}
            >
              {n.children.length ? (
                <UnstyledButton
                  className="admin-tree-toggle"
                  aria-expanded={open}
                  aria-label={format(open ? a.collapse : a.expand, { name: n.name })}
                  onClick={() => onToggle(key)}
                >
                  <span aria-hidden="true">{open ? '▾' : '▸'}</span>
                </UnstyledButton>
              ) : (
                <span className="admin-tree-toggle" aria-hidden="true" />
              )}
              <UnstyledButton
                className="admin-tree-item"
                aria-current={selected === key ? 'true' : undefined}
                data-key={key}
                onClick={() => onPick(n)}
              >
                <span className={`tree-level lv-${n.level}`}>{m.levels[n.level]}</span> <span>{n.name}</span>{' '}
                <Text span size="xs" c="dimmed">
                  {n.code}
                  {n.department ? ` · ${n.department}` : ''}
                </Text>
                {probs.length ? (
                  <Badge
                    ml={6}
                    size="sm"
                    color={errors ? 'red.9' : 'yellow'}
                    variant="filled"
                    c={errors ? undefined : 'dark'}
                    tt="none"
                  >
                    {format(a.problemsBadge, { n: probs.length })}
                  </Badge>
                ) : null}
                {n.illustrative ? <IllustrativeBadge /> : null}
              </UnstyledButton>
            </div>
            {n.children.length && open ? render(n.children, depth + 1) : null}
          </li>
        );
      })}
    </ul>
  );
  return (
    <nav aria-label={label} className="admin-tree-nav">
      {render(nodes, 0)}
    </nav>
  );
}

export default function AdminPage() {
  const { m, format } = useI18n();
  const a = m.admin;
  const { year, plan, loading } = useYear();
  const href = useHref();
  const session = useSession();
  const authAvailable = session.data?.authAvailable ?? true;
  const abilities = session.data?.abilities ?? [];
  const mayEdit = !authAvailable || abilities.includes('plan.edit');
  const mayRoll = !authAvailable || abilities.includes('plan.copy');
  const tree = useTree(year);
  const checks = useChecks(year);
  const problems = useMemo(() => problemsByItem(checks.data?.problems ?? []), [checks.data]);
  const readOnly = plan?.status === 'closed' || !mayEdit;

  const [target, setTarget] = useState<EditorTarget | null>(null);
  const [dirty, setDirty] = useState(false);
  const [pending, setPending] = useState<{ next: EditorTarget | null } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [rollOpen, setRollOpen] = useState(false);
  const [rolled, setRolled] = useState<RolloverResponse | null>(null);
  const [rollError, setRollError] = useState<string | null>(null);
  const rollover = useRollover(year ?? 0);

  // Each year's tree starts with its strategic goals open (adjusted while rendering, not in an effect).
  const [expandedFor, setExpandedFor] = useState<number | null>(null);
  if (tree.data && expandedFor !== tree.data.year) {
    setExpandedFor(tree.data.year);
    setExpanded(new Set(tree.data.tree.map((n) => itemKey(n.level, n.code))));
  }

  // Parents of every item (to open the path to an item chosen from the checks list) and the options of each level.
  const { parents, options } = useMemo(() => {
    const parents = new Map<string, string | null>();
    const options: Partial<Record<Level, ParentOption[]>> = {};
    const walk = (list: TreeNode[], parent: string | null) =>
      list.forEach((n) => {
        const key = itemKey(n.level, n.code);
        if (!parents.has(key)) parents.set(key, parent);
        const opts = (options[n.level] ??= []);
        if (!opts.some((o) => o.value === n.code)) opts.push({ value: n.code, label: `${n.code} ${n.name}` });
        walk(n.children, key);
      });
    walk(tree.data?.tree ?? [], null);
    return { parents, options };
  }, [tree.data]);

  const open = useCallback(
    (next: EditorTarget | null) => {
      if (next?.mode === 'edit') {
        setExpanded((prev) => {
          const s = new Set(prev);
          for (let p = parents.get(itemKey(next.level, next.code)) ?? null; p; p = parents.get(p) ?? null) s.add(p);
          return s;
        });
      }
      setTarget(next);
    },
    [parents],
  );
  const request = (next: EditorTarget | null) => {
    setNotice(null);
    if (dirty) setPending({ next });
    else open(next);
  };

  // Leaving the page (another route, closing the tab) with unsaved changes asks first, in the same
  // dialog as opening another item.
  const blocker = useLeaveGuard(dirty);

  const onDirty = useCallback((d: boolean) => setDirty(d), []);
  const selectedKey = target?.mode === 'edit' ? itemKey(target.level, target.code) : null;
  const itemProblems = selectedKey ? (problems.get(selectedKey) ?? []) : [];
  const next = (year ?? 0) + 1;

  if (!loading && year === undefined)
    return (
      <Page title={a.title}>
        <Text>{a.noYear}</Text>
      </Page>
    );

  const doRoll = () => {
    setRollError(null);
    rollover.mutate(undefined, {
      onSuccess: (r) => {
        setRollOpen(false);
        setRolled(r);
      },
      onError: (e) => {
        setRollOpen(false);
        setRollError(e instanceof ApiError ? e.message : String(e));
      },
    });
  };

  return (
    <Page
      title={a.title}
      intro={format(a.intro, { year: year ?? '' })}
      badges={
        <>
          {plan ? (
            <Badge variant="light">
              {format(a.status, { status: m.planStatus[plan.status as 'draft'] ?? plan.status })}
            </Badge>
          ) : null}
          {plan?.illustrative ? <IllustrativeBadge /> : null}
        </>
      }
      actions={
        <Group gap="xs">
          <Anchor component={Link} to={href('/diff', { from: String((year ?? 0) - 1), to: String(year ?? '') })}>
            {a.diffLink}
          </Anchor>
          {mayRoll && year !== undefined ? (
            <Button variant="light" onClick={() => setRollOpen(true)}>
              {format(a.rollover, { next })}
            </Button>
          ) : null}
        </Group>
      }
    >
      {!mayEdit ? <Alert color="yellow">{a.forbidden}</Alert> : null}
      {plan?.status === 'closed' ? <Alert color="yellow">{format(a.closed, { year: year ?? '' })}</Alert> : null}
      {rolled ? (
        <Alert color="green" role="status">
          {format(a.rolledOver, {
            next: rolled.year,
            indicators: rolled.counts.indicators ?? 0,
            tasks: rolled.counts.tasks ?? 0,
          })}{' '}
          <Anchor component={Link} to={`/admin?year=${rolled.year}`}>
            {format(a.openYear, { next: rolled.year })}
          </Anchor>
        </Alert>
      ) : null}
      {rollError ? (
        <Alert color="red" role="alert">
          {rollError}
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="green" role="status">
          {notice}
        </Alert>
      ) : null}

      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={a.treeHeading} id="admin-tree">
            <Group gap="xs" mb="xs">
              <Button size="xs" variant="default" onClick={() => setExpanded(new Set([...parents.keys()]))}>
                {a.expandAll}
              </Button>
              <Button size="xs" variant="default" onClick={() => setExpanded(new Set())}>
                {a.collapseAll}
              </Button>
              {!readOnly ? (
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => request({ mode: 'create', level: 'orgStrategicGoal', parent: null })}
                >
                  {format(a.addRoot, { level: m.levels.orgStrategicGoal })}
                </Button>
              ) : null}
            </Group>
            <Query q={tree}>
              {(t) => (
                <div className="admin-tree-scroll">
                  <AdminTree
                    nodes={t.tree}
                    label={format(a.treeLabel, { year: year ?? '' })}
                    selected={selectedKey}
                    expanded={expanded}
                    problems={problems}
                    onToggle={(key) =>
                      setExpanded((prev) => {
                        const s = new Set(prev);
                        if (s.has(key)) s.delete(key);
                        else s.add(key);
                        return s;
                      })
                    }
                    onPick={(n) => request({ mode: 'edit', level: n.level, code: n.code })}
                  />
                </div>
              )}
            </Query>
          </Section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <Section title={a.editorHeading} id="admin-editor">
            <Paper withBorder p="md" className="admin-editor">
              {target && year !== undefined ? (
                <ItemEditor
                  key={
                    target.mode === 'edit' ? `e:${target.level}:${target.code}` : `c:${target.level}:${target.parent}`
                  }
                  year={year}
                  target={target}
                  parentOptions={options}
                  problems={itemProblems}
                  readOnly={readOnly}
                  onDirty={onDirty}
                  onSelect={open}
                  onDone={setNotice}
                />
              ) : (
                <Text>{a.pick}</Text>
              )}
            </Paper>
          </Section>
        </Grid.Col>
      </Grid>

      <Query q={checks}>
        {(c) => (
          <Section title={format(a.checksHeading, { errors: c.errors, warnings: c.warnings })} id="admin-checks">
            {c.problems.length === 0 ? (
              <Text>{a.checksClean}</Text>
            ) : (
              <TableFrame caption={format(a.checksCaption, { year: year ?? '' })} captionHidden minWidth={640}>
                <Table.Thead>
                  <Table.Tr>
                    <Th>{a.colSeverity}</Th>
                    <Th>{a.colMessage}</Th>
                    <Th>{a.colItem}</Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {c.problems.map((p, i) => {
                    const t = targetOfPath(p.path);
                    return (
                      <Table.Tr key={`${p.code}-${p.path}-${i}`}>
                        <Table.Td style={{ whiteSpace: 'nowrap' }}>
                          <Text span fw={700} size="sm" c={p.severity === 'error' ? 'red.9' : 'dark'}>
                            {p.severity === 'error' ? '● ' : '▲ '}
                            {a.severity[p.severity]}
                          </Text>
                        </Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                        <Table.Td>
                          {t ? (
                            <Anchor
                              component="button"
                              type="button"
                              aria-label={format(a.showItem, { path: p.path })}
                              onClick={() => {
                                request({ mode: 'edit', ...t });
                                document.getElementById('admin-editor')?.scrollIntoView({ block: 'start' });
                              }}
                            >
                              <code className="path">{p.path}</code>
                            </Anchor>
                          ) : (
                            <code className="path">{p.path}</code>
                          )}
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </TableFrame>
            )}
            <Anchor component={Link} to={href('/checks')}>
              {a.checksLink}
            </Anchor>
          </Section>
        )}
      </Query>

      <Modal
        opened={!!pending || blocker.state === 'blocked'}
        onClose={() => {
          setPending(null);
          if (blocker.state === 'blocked') blocker.reset();
        }}
        title={a.unsavedTitle}
        closeButtonProps={{ 'aria-label': a.cancel }}
      >
        <Stack>
          <Text>{a.unsavedBody}</Text>
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => {
                setPending(null);
                if (blocker.state === 'blocked') blocker.reset();
              }}
            >
              {a.keepEditing}
            </Button>
            <Button
              color="red"
              onClick={() => {
                setDirty(false);
                if (blocker.state === 'blocked') blocker.proceed();
                if (pending) open(pending.next);
                setPending(null);
              }}
            >
              {a.discard}
            </Button>
          </Group>
        </Stack>
      </Modal>

      <Modal
        opened={rollOpen}
        onClose={() => setRollOpen(false)}
        title={a.rolloverTitle}
        closeButtonProps={{ 'aria-label': a.cancel }}
      >
        <Stack>
          <Text>{format(a.rolloverBody, { year: year ?? '', next })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRollOpen(false)}>
              {a.cancel}
            </Button>
            <Button loading={rollover.isPending} onClick={doRoll}>
              {format(a.rolloverConfirm, { next })}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Page>
  );
}

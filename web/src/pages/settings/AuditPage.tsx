/**
 * 감사 기록 (/settings/audit): the audit trail, newest first, 50 a page, filtered by actor, action
 * (one action or a whole area such as "auth."), category, entity type, subject and date range (the
 * filters live in the address); each entry's before/after on demand; 무결성 검증 runs the hash-chain
 * check and says plainly whether it holds or where it breaks.
 */
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, Button, Code, Group, List, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useAudit, useVerifyAudit, type AuditEntry, type AuditFilter } from '../../api/settings';
import { Page, Section } from '../../components/Page';
import { Query, QueryError } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { SettingsTabs, useDateTime } from './shared';

const PAGE_SIZE = 50;
const FILTERS = ['actor', 'action', 'category', 'entityType', 'subject', 'from', 'to'] as const;
type FilterKey = (typeof FILTERS)[number];
type FilterForm = Record<FilterKey, string>;

/** A calendar day (yyyy-mm-dd, the browser's time zone) as the start or end instant of that day. */
const dayStart = (d: string) => new Date(`${d}T00:00:00`).toISOString();
const dayEnd = (d: string) => new Date(`${d}T23:59:59.999`).toISOString();

export default function AuditPage() {
  const { m, format, num } = useI18n();
  const t = m.settings.audit;
  const [params, setParams] = useSearchParams();
  const applied = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as FilterForm;
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const [form, setForm] = useState<FilterForm>(applied);
  const [dateError, setDateError] = useState<string | null>(null);
  const filter: AuditFilter = {
    actor: applied.actor || undefined,
    action: applied.action || undefined,
    category: applied.category || undefined,
    entityType: applied.entityType || undefined,
    subject: applied.subject || undefined,
    from: applied.from ? dayStart(applied.from) : undefined,
    to: applied.to ? dayEnd(applied.to) : undefined,
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const audit = useAudit(filter);
  const verify = useVerifyAudit();
  const when = useDateTime();

  const apply = (next: FilterForm, p = 1) => {
    const q = new URLSearchParams();
    for (const k of FILTERS) if (next[k].trim()) q.set(k, next[k].trim());
    if (p > 1) q.set('page', String(p));
    setParams(q);
  };
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.from && form.to && form.to < form.from) return setDateError(t.dateOrder);
    setDateError(null);
    apply(form);
  };
  const clear = () => {
    const empty = Object.fromEntries(FILTERS.map((k) => [k, ''])) as FilterForm;
    setForm(empty);
    setDateError(null);
    apply(empty);
  };
  const set = (k: FilterKey) => (v: string | null) => setForm((f) => ({ ...f, [k]: v ?? '' }));

  const actionLabel = (a: string) => (t.actions as Record<string, string>)[a];
  const actionData = [
    { value: '', label: t.anyAction },
    {
      group: t.actionGroups.prefix,
      items: Object.entries(t.prefixes).map(([value, label]) => ({ value, label: `${label} (${value}*)` })),
    },
    {
      group: t.actionGroups.exact,
      items: Object.entries(t.actions).map(([value, label]) => ({ value, label: `${label} (${value})` })),
    },
  ];

  return (
    <Page
      title={t.title}
      intro={t.intro}
      actions={
        <Button onClick={() => verify.mutate()} loading={verify.isPending}>
          {t.verify}
        </Button>
      }
    >
      <SettingsTabs />
      <div aria-live="polite" data-testid="verify-result">
        {verify.isError ? <QueryError error={verify.error} onRetry={() => verify.mutate()} /> : null}
        {verify.data ? (
          verify.data.ok ? (
            <Alert color="green" role="status">
              <Stack gap={4}>
                <Text size="sm" fw={600}>
                  {verify.data.rows === 0
                    ? t.verifyEmpty
                    : format(t.verifyOk, {
                        rows: num(verify.data.rows),
                        first: verify.data.firstSeq ?? '',
                        last: verify.data.lastSeq ?? '',
                      })}
                </Text>
                {verify.data.headHash ? (
                  <Text size="xs" style={{ wordBreak: 'break-all' }}>
                    {format(t.verifyHead, { hash: verify.data.headHash })}
                  </Text>
                ) : null}
              </Stack>
            </Alert>
          ) : (
            <Alert color="red" role="alert">
              <Text size="sm" fw={600}>
                {format(t.verifyFailed, { n: verify.data.problems.length })}
              </Text>
              <List size="sm" mt={4}>
                {verify.data.problems.map((p, i) => (
                  <List.Item key={i}>{format(t.problem, { seq: p.seq, message: p.message, kind: p.kind })}</List.Item>
                ))}
              </List>
            </Alert>
          )
        ) : null}
      </div>

      <Section title={t.filters} id="audit-filters">
        <form onSubmit={submit} role="search" aria-label={t.filters}>
          <Group gap="md" align="flex-end" wrap="wrap">
            <TextInput
              label={t.actor}
              placeholder={t.actorPlaceholder}
              value={form.actor}
              onChange={(e) => set('actor')(e.currentTarget.value)}
              w={170}
            />
            <Select
              label={t.action}
              data={actionData}
              value={form.action}
              onChange={set('action')}
              searchable
              allowDeselect={false}
              w={280}
            />
            <Select
              label={t.category}
              data={[
                { value: '', label: t.anyCategory },
                ...Object.entries(t.categories).map(([value, label]) => ({ value, label })),
              ]}
              value={form.category}
              onChange={set('category')}
              allowDeselect={false}
              w={150}
            />
            <Select
              label={t.entityType}
              data={[
                { value: '', label: t.anyEntity },
                ...Object.entries(t.entities).map(([value, label]) => ({ value, label })),
              ]}
              value={form.entityType}
              onChange={set('entityType')}
              allowDeselect={false}
              w={170}
            />
            <TextInput
              label={t.subject}
              value={form.subject}
              onChange={(e) => set('subject')(e.currentTarget.value)}
              w={200}
            />
            <TextInput
              type="date"
              label={t.from}
              value={form.from}
              onChange={(e) => set('from')(e.currentTarget.value)}
              w={160}
            />
            <TextInput
              type="date"
              label={t.to}
              value={form.to}
              onChange={(e) => set('to')(e.currentTarget.value)}
              error={dateError}
              w={160}
            />
            <Group gap="xs">
              <Button type="submit">{t.apply}</Button>
              <Button variant="default" onClick={clear}>
                {t.clear}
              </Button>
            </Group>
          </Group>
        </form>
      </Section>

      <Query q={audit}>
        {(data) => {
          const pages = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
          if (data.entries.length === 0) return <Text role="status">{t.empty}</Text>;
          return (
            <Stack gap="xs">
              <TableFrame
                caption={format(t.caption, {
                  total: num(data.total),
                  first: num(data.offset + 1),
                  last: num(data.offset + data.entries.length),
                })}
                minWidth={980}
              >
                <Table.Thead>
                  <Table.Tr>
                    <Th num>{t.colSeq}</Th>
                    <Th>{t.colAt}</Th>
                    <Th>{t.colActor}</Th>
                    <Th>{t.colIp}</Th>
                    <Th>{t.colCategory}</Th>
                    <Th>{t.colAction}</Th>
                    <Th>{t.colSubject}</Th>
                    <Th>{t.colDetail}</Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.entries.map((e) => (
                    <Table.Tr key={e.seq} data-action={e.action}>
                      <Table.Th scope="row" className="num">
                        {e.seq}
                      </Table.Th>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(e.at)}</Table.Td>
                      <Table.Td>{e.actorName}</Table.Td>
                      <Table.Td>{e.ip || m.common.dash}</Table.Td>
                      <Table.Td>{(t.categories as Record<string, string>)[e.category] ?? e.category}</Table.Td>
                      <Table.Td>
                        {actionLabel(e.action) ?? e.action}
                        {actionLabel(e.action) ? (
                          <Text span size="xs" c="dimmed" display="block">
                            {e.action}
                          </Text>
                        ) : null}
                      </Table.Td>
                      <Table.Td>
                        {(t.entities as Record<string, string>)[e.entityType] ?? e.entityType}
                        {e.subject ? `: ${e.subject}` : ''}
                      </Table.Td>
                      <Table.Td>
                        <Changes entry={e} />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </TableFrame>
              <Group gap="sm" justify="center" className="no-print">
                <Button variant="default" size="xs" disabled={page <= 1} onClick={() => apply(applied, page - 1)}>
                  {t.prev}
                </Button>
                <Text size="sm" aria-live="polite">
                  {format(t.page, { page, pages })}
                </Text>
                <Button variant="default" size="xs" disabled={page >= pages} onClick={() => apply(applied, page + 1)}>
                  {t.next}
                </Button>
              </Group>
            </Stack>
          );
        }}
      </Query>
    </Page>
  );
}

const compact = (v: unknown) => JSON.stringify(v, null, 1).replace(/\n\s*/g, ' ');

function Changes({ entry }: { entry: AuditEntry }) {
  const { m } = useI18n();
  const t = m.settings.audit;
  if (entry.before == null && entry.after == null) return <>{m.common.dash}</>;
  return (
    <details>
      <summary>{t.details}</summary>
      {entry.before != null ? (
        <Text size="xs">
          {t.before}: <Code>{compact(entry.before)}</Code>
        </Text>
      ) : null}
      {entry.after != null ? (
        <Text size="xs">
          {t.after}: <Code>{compact(entry.after)}</Code>
        </Text>
      ) : null}
    </details>
  );
}

/**
 * 기간 전체 입력 (/entry?department=…&period=…): every indicator of one department for one period in
 * a table, saved in one request (all or nothing); the server's per-row errors are shown at the row.
 */
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Alert, Anchor, Button, Group, Stack, Table, TextInput } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useBulkEnter, useEntrySheet, type BulkRow, type EntrySheet } from '../../api/results';
import { useYear } from '../../app/year';
import { Page } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { UnsavedGuard } from '../../components/UnsavedGuard';
import { ActualField, parseActual, useEntryHref, usePeriodLabel } from './shared';

interface RowForm {
  actual: string;
  milestones: string;
  comment: string;
}

function Sheet({ sheet }: { sheet: EntrySheet }) {
  const { m, format } = useI18n();
  const w = m.work;
  const bulk = useBulkEnter(sheet.year);
  const periodText = usePeriodLabel();
  const entryHref = useEntryHref();
  const init = () =>
    sheet.rows.map<RowForm>((r) => ({
      actual: r.result?.actual == null ? '' : String(r.result.actual),
      milestones: (r.result?.milestonesDone ?? []).join(', '),
      comment: r.result?.comment ?? '',
    }));
  const [rows, setRows] = useState<RowForm[]>(init);
  const [base, setBase] = useState<RowForm[]>(init);
  const [errors, setErrors] = useState<Record<number, string>>({});
  const [alert, setAlert] = useState<{ color: string; text: string } | null>(null);
  useEffect(() => {
    const i = init();
    setRows(i);
    setBase(i);
  }, [sheet]);
  const dirty = JSON.stringify(rows) !== JSON.stringify(base);
  const editable = (i: number) => {
    const r = sheet.rows[i]!.result;
    return !r || r.status === 'draft';
  };

  const save = (submit: boolean) => {
    setAlert(null);
    const local: Record<number, string> = {};
    const body: BulkRow[] = [];
    const index: number[] = [];
    rows.forEach((f, i) => {
      if (!editable(i)) return;
      const row = sheet.rows[i]!;
      const milestone = row.indicator.measurement === 'milestone';
      const actual = parseActual(f.actual);
      if (!milestone && actual === undefined) local[i] = w.actualInvalid;
      if (!milestone && submit && actual === null) local[i] = w.actualRequired;
      body.push({
        indicator: row.indicator.code,
        ...(milestone
          ? {
              milestonesDone: f.milestones
                .split(',')
                .map((s) => s.trim())
                .filter(Boolean),
            }
          : { actual: actual ?? null }),
        comment: f.comment,
        version: row.result?.version,
      });
      index.push(i);
    });
    setErrors(local);
    if (Object.keys(local).length || body.length === 0) return;
    bulk.mutate(
      { department: sheet.department.name, period: sheet.period, submit, rows: body },
      {
        onSuccess: (out) => {
          setBase(rows);
          setAlert({
            color: 'green',
            text: format(w.bulkSaved, { created: out.created, updated: out.updated, submitted: out.submitted }),
          });
        },
        onError: (e) => {
          const byRow: Record<number, string> = {};
          if (e instanceof ApiError)
            for (const d of e.details) {
              const k = /rows\[?\.?(\d+)/.exec(d.path);
              if (k) {
                const i = index[Number(k[1])];
                if (i !== undefined) byRow[i] = byRow[i] ? `${byRow[i]} ${d.message}` : d.message;
              }
            }
          setErrors(byRow);
          setAlert({ color: 'red', text: `${w.bulkFailed} ${e instanceof ApiError ? e.message : String(e)}` });
        },
      },
    );
  };

  const set = (i: number, k: keyof RowForm, v: string) => {
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, [k]: v } : r)));
    setErrors(({ [i]: _, ...rest }) => rest);
  };

  return (
    <Stack gap="md">
      <UnsavedGuard dirty={dirty} />
      <TableFrame
        caption={format(w.bulkCaption, { department: sheet.department.name, period: periodText(sheet.period) })}
        minWidth={900}
      >
        <Table.Thead>
          <Table.Tr>
            <Th>{w.indicator}</Th>
            <Th num>{w.target}</Th>
            <Th>{w.actual}</Th>
            <Th>{w.comment}</Th>
            <Th>{w.status}</Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sheet.rows.map((r, i) => {
            const milestone = r.indicator.measurement === 'milestone';
            const label = `${r.indicator.code} ${milestone ? w.milestones : w.actual}`;
            return (
              <Table.Tr key={r.indicator.code} data-row={r.indicator.code}>
                <Table.Td>
                  <Anchor
                    underline="always"
                    component={Link}
                    to={entryHref(r.indicator.code, sheet.department.name, sheet.period)}
                  >
                    {r.indicator.code}
                  </Anchor>{' '}
                  {r.indicator.name}
                </Table.Td>
                <Table.Td className="num">
                  {r.indicator.target ?? '—'} {r.indicator.unit}
                </Table.Td>
                <Table.Td>
                  {milestone ? (
                    <TextInput
                      aria-label={label}
                      placeholder={w.milestoneHint}
                      value={rows[i]!.milestones}
                      onChange={(e) => set(i, 'milestones', e.currentTarget.value)}
                      error={errors[i]}
                      disabled={!editable(i)}
                    />
                  ) : (
                    <ActualField
                      ariaLabel={label}
                      value={rows[i]!.actual}
                      onChange={(v) => set(i, 'actual', v)}
                      onError={(message) => setErrors((x) => ({ ...x, [i]: message }))}
                      error={errors[i]}
                      disabled={!editable(i)}
                    />
                  )}
                </Table.Td>
                <Table.Td>
                  <TextInput
                    aria-label={`${r.indicator.code} ${w.comment}`}
                    value={rows[i]!.comment}
                    onChange={(e) => set(i, 'comment', e.currentTarget.value)}
                    disabled={!editable(i)}
                  />
                </Table.Td>
                <Table.Td>{r.result?.statusLabel ?? '—'}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </TableFrame>
      {alert && (
        <Alert color={alert.color} role={alert.color === 'red' ? 'alert' : 'status'}>
          {alert.text}
        </Alert>
      )}
      {sheet.rows.some((_, i) => editable(i)) && (
        <Group>
          <Button onClick={() => save(false)} loading={bulk.isPending}>
            {w.bulkSave}
          </Button>
          <Button onClick={() => save(true)} loading={bulk.isPending}>
            {w.bulkSaveSubmit}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

export default function BulkEntryPage() {
  const { m, format } = useI18n();
  const w = m.work;
  const [params] = useSearchParams();
  const department = params.get('department') ?? '';
  const period = params.get('period') ?? '';
  const { year } = useYear();
  const q = useEntrySheet(year, department, period);
  const periodText = usePeriodLabel();
  if (!department || !period)
    return (
      <Page title={w.bulkTitle}>
        <Alert color="orange">{w.needParams}</Alert>
      </Page>
    );
  return (
    <Page
      title={`${w.bulkTitle}: ${department} ${periodText(period)}`}
      intro={
        q.data
          ? format(w.bulkIntro, {
              department: q.data.department.name,
              period: periodText(period),
              deadline: q.data.deadline,
            })
          : undefined
      }
    >
      <Query q={q}>{(s) => <Sheet sheet={s} />}</Query>
    </Page>
  );
}

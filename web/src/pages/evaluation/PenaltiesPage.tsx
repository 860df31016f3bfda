/**
 * 감점 사례 (/evaluation/penalties, planner: penalty.detect / penalty.waive): the year's penalty cases
 * (department, indicator, period, reason, the points the scheme takes per case, waived by whom and
 * why), filtered by department, kind and state; the missing-evidence check (the cut-off check) with
 * the number of cases it recorded; waiving one case with a required reason. Beside each case the
 * department's whole penalty in the final evaluation, which drops when a case is waived.
 */
import { useMemo, useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, Modal, Select, Stack, Table, Text, Textarea } from '@mantine/core';
import { fieldErrors } from '../../api/client';
import {
  useCutoffCheck,
  useEvaluation,
  usePenaltyCases,
  useScheme,
  useWaivePenalty,
  type CutoffCheckResponse,
  type PenaltyCase,
  type PenaltyCasesResponse,
} from '../../api/evaluation';
import { useAbilities } from '../../api/session';
import { useHref, useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { periodLabel } from '../indicator-utils';
import { EvaluationTabs } from './shared';
import { ERROR_COLOR, OK_COLOR } from '../../app/theme';

const POINTS_SETTING = {
  late_entry: 'penalties.lateEntryPoints',
  missing_evidence: 'penalties.missingEvidencePoints',
} as const;

function Detect({ year }: { year: number }) {
  const { m, format } = useI18n();
  const check = useCutoffCheck(year);
  const [result, setResult] = useState<CutoffCheckResponse | null>(null);
  return (
    <Stack gap="xs" align="flex-start">
      <Text size="sm">{m.evaluation.penaltyDetectIntro}</Text>
      <Button onClick={() => check.mutate(undefined, { onSuccess: setResult })} loading={check.isPending}>
        {m.evaluation.penaltyDetect}
      </Button>
      {check.isError ? (
        <Alert color="red" variant="light" role="alert">
          {check.error.message}
        </Alert>
      ) : null}
      {result ? (
        <Text size="sm" fw={600} c={OK_COLOR} role="status">
          {result.afterCutoff
            ? format(m.evaluation.penaltyDetected, { created: result.created.length, existing: result.existing })
            : format(m.evaluation.penaltyBeforeCutoff, { cutoff: result.cutoff })}
        </Text>
      ) : null}
    </Stack>
  );
}

function WaiveDialog({
  target,
  year,
  onClose,
  onDone,
}: {
  target: PenaltyCase | null;
  year: number;
  onClose: () => void;
  onDone: (c: PenaltyCase) => void;
}) {
  const { m, format } = useI18n();
  const waive = useWaivePenalty(year);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const close = () => {
    setReason('');
    setError(undefined);
    waive.reset();
    onClose();
  };
  const submit = () => {
    if (!target) return;
    if (reason.trim() === '') return setError(m.evaluation.penaltyWaiveReasonRequired);
    setError(undefined);
    waive.mutate(
      { id: target.id, reason: reason.trim() },
      {
        onSuccess: () => {
          onDone(target);
          close();
        },
        onError: (e) => setError(fieldErrors(e).reason ?? e.message),
      },
    );
  };
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      closeButtonProps={{ 'aria-label': m.evaluation.cancel }}
      title={
        target
          ? format(m.evaluation.penaltyWaiveTitle, {
              department: target.department.name,
              period: periodLabel(target.period, m.periods),
              kind: target.kindLabel,
            })
          : ''
      }
    >
      <Stack gap="sm">
        {target ? <Text size="sm">{target.detail}</Text> : null}
        <Textarea
          label={m.evaluation.penaltyWaiveReason}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
          error={error}
          autosize
          minRows={2}
          required
          data-autofocus
        />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={close}>
            {m.evaluation.cancel}
          </Button>
          <Button onClick={submit} loading={waive.isPending}>
            {m.evaluation.penaltyWaiveConfirm}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Cases({ data, year }: { data: PenaltyCasesResponse; year: number }) {
  const { m, format, num } = useI18n();
  const href = useHref();
  const scheme = useScheme(year);
  const ranking = useEvaluation(year, 'final');
  const [department, setDepartment] = useState<string | null>(null);
  const [kind, setKind] = useState<string | null>(null);
  const [state, setState] = useState<string | null>(null);
  const [target, setTarget] = useState<PenaltyCase | null>(null);
  const [done, setDone] = useState<PenaltyCase | null>(null);

  const points = (c: PenaltyCase) => {
    const v = scheme.data?.settings.find((s) => s.path === POINTS_SETTING[c.kind])?.value;
    return typeof v === 'number' ? v : null;
  };
  const deptPenalty = useMemo(
    () => new Map((ranking.data?.departments ?? []).map((d) => [d.department, d.display.penalty])),
    [ranking.data],
  );
  const departments = useMemo(
    () => [...new Set(data.cases.map((c) => c.department.name))].sort((a, b) => a.localeCompare(b, 'ko')),
    [data.cases],
  );
  const kinds = useMemo(
    () =>
      [...new Map(data.cases.map((c) => [c.kind, c.kindLabel])).entries()].map(([value, label]) => ({ value, label })),
    [data.cases],
  );
  const shown = data.cases.filter(
    (c) =>
      (!department || c.department.name === department) &&
      (!kind || c.kind === kind) &&
      (!state || (state === 'waived') === c.waived),
  );
  const breakdown = (name: string) => href(`/evaluation/departments/${encodeURIComponent(name)}`);

  return (
    <Section title={m.evaluation.penaltyListTitle} id="cases">
      <Stack gap="sm">
        <Text fw={600}>
          {format(m.evaluation.penaltyCounts, {
            late: data.counts.late_entry,
            missing: data.counts.missing_evidence,
            waived: data.counts.waived,
          })}
        </Text>
        <Group gap="sm" align="flex-end">
          <Select
            label={m.evaluation.penaltyDepartment}
            data={departments}
            value={department}
            onChange={setDepartment}
            placeholder={m.evaluation.filterAll}
            searchable
            clearable
            w={200}
          />
          <Select
            label={m.evaluation.penaltyFilterKind}
            data={kinds}
            value={kind}
            onChange={setKind}
            placeholder={m.evaluation.penaltyAllKinds}
            clearable
            w={200}
          />
          <Select
            label={m.evaluation.penaltyFilterState}
            data={[
              { value: 'open', label: m.evaluation.penaltyStateOpen },
              { value: 'waived', label: m.evaluation.penaltyStateWaived },
            ]}
            value={state}
            onChange={setState}
            placeholder={m.evaluation.penaltyStateAll}
            clearable
            w={160}
          />
        </Group>
        {done ? (
          <Text size="sm" c={OK_COLOR} role="status">
            {m.evaluation.penaltyWaived}{' '}
            <Anchor component={Link} to={breakdown(done.department.name)} underline="always">
              {done.department.name} · {m.evaluation.penaltyRankingLink}
            </Anchor>
          </Text>
        ) : null}
        {shown.length === 0 ? (
          <Text>{m.evaluation.penaltyNone}</Text>
        ) : (
          <TableFrame caption={format(m.evaluation.penaltyCaption, { year })} captionHidden minWidth={980}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.evaluation.colDepartment}</Th>
                <Th>{m.evaluation.colIndicator}</Th>
                <Th>{m.evaluation.colCaseKind}</Th>
                <Th>{m.evaluation.colPeriod}</Th>
                <Th>{m.evaluation.colDetail}</Th>
                <Th num>{m.evaluation.colCasePoints}</Th>
                <Th>{m.evaluation.colCaseState}</Th>
                <Th num>{m.evaluation.colDeptPenalty}</Th>
                {data.canWaive ? <Th>{m.evaluation.colActions}</Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((c) => {
                const p = points(c);
                const period = periodLabel(c.period, m.periods);
                return (
                  <Table.Tr key={c.id} data-case={c.id}>
                    <Table.Th scope="row" fw={500}>
                      <Anchor component={Link} to={breakdown(c.department.name)}>
                        {c.department.name}
                      </Anchor>
                    </Table.Th>
                    <Table.Td>
                      {c.indicator ? (
                        <>
                          {c.indicator.name} <span className="cell-sub">{c.indicator.code}</span>
                        </>
                      ) : (
                        m.common.dash
                      )}
                    </Table.Td>
                    <Table.Td>{c.kindLabel}</Table.Td>
                    <Table.Td>{period}</Table.Td>
                    <Table.Td>{c.detail}</Table.Td>
                    <Table.Td className="num">
                      {c.waived ? num(0, 1) : p === null ? m.common.dash : `−${num(p, 1)}`}
                    </Table.Td>
                    <Table.Td>
                      {c.waived ? (
                        <>
                          <Text size="sm" fw={600} span>
                            {m.evaluation.penaltyWaivedState}
                          </Text>
                          <Text size="xs">
                            {c.waivedByName ? `${c.waivedByName}: ` : ''}
                            {c.waivedReason}
                          </Text>
                        </>
                      ) : (
                        <Text size="sm" fw={600} c={ERROR_COLOR} span>
                          {m.evaluation.penaltyOpenState}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td className="num">
                      {deptPenalty.has(c.department.name) ? num(deptPenalty.get(c.department.name)!, 2) : m.common.dash}
                    </Table.Td>
                    {data.canWaive ? (
                      <Table.Td>
                        {c.waived ? null : (
                          <Button
                            size="compact-xs"
                            variant="default"
                            aria-label={format(m.evaluation.penaltyWaiveLabel, {
                              department: c.department.name,
                              period,
                              kind: c.kindLabel,
                            })}
                            onClick={() => {
                              setDone(null);
                              setTarget(c);
                            }}
                          >
                            {m.evaluation.penaltyWaive}
                          </Button>
                        )}
                      </Table.Td>
                    ) : null}
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </TableFrame>
        )}
      </Stack>
      <WaiveDialog target={target} year={year} onClose={() => setTarget(null)} onDone={setDone} />
    </Section>
  );
}

export default function PenaltiesPage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const { can } = useAbilities();
  const q = usePenaltyCases(year);
  return (
    <Page title={format(m.evaluation.penaltiesTitle, { year: year ?? '' })} intro={m.evaluation.penaltiesIntro}>
      <EvaluationTabs />
      {can('penalty.detect') && year !== undefined ? (
        <Section title={m.evaluation.penaltyDetectTitle} id="detect">
          <Detect year={year} />
        </Section>
      ) : null}
      <Query q={q}>{(data) => <Cases data={data} year={data.year} />}</Query>
    </Page>
  );
}

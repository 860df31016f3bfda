/**
 * 실적 검토 (/results/:id): the values, evidence, timeline and comments of one result, with the
 * actions the server says this session may take now (abilities): approve / verify / return (a reason
 * is required) and comments. A refusal (403, 409) shows the server's message.
 */
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Anchor, Button, Group, Stack, Table, Text, Textarea } from '@mantine/core';
import { fieldErrors } from '../../api/client';
import { useResult, useReturnResult, useTransition, type ResultDetail } from '../../api/results';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { errorText, EvidenceList, ResultComments, useEntryHref, usePeriodLabel } from './shared';

function Review({ d }: { d: ResultDetail }) {
  const { m } = useI18n();
  const w = m.work;
  const r = d.result;
  const entryHref = useEntryHref();
  const step = useTransition();
  const ret = useReturnResult();
  const periodText = usePeriodLabel();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | undefined>();
  const [alert, setAlert] = useState<{ color: string; text: string } | null>(null);
  const ab = d.abilities;
  const st = (x: string | null) => (x ? ((w.statuses as Record<string, string>)[x] ?? x) : '');
  const busy = step.isPending || ret.isPending;
  const fail = (e: unknown) => setAlert({ color: 'red', text: errorText(e) });

  const run = (s: 'approve' | 'verify') =>
    step.mutate(
      { id: r.id, step: s, version: r.version },
      {
        onSuccess: () => setAlert({ color: 'green', text: s === 'approve' ? w.doneApprove : w.doneVerify }),
        onError: fail,
      },
    );
  const doReturn = () => {
    if (!reason.trim()) {
      setReasonError(w.reasonRequired);
      return;
    }
    ret.mutate(
      { id: r.id, reason: reason.trim(), version: r.version },
      {
        onSuccess: () => {
          setReason('');
          setAlert({ color: 'green', text: w.doneReturn });
        },
        onError: (e) => {
          const reason = fieldErrors(e).reason;
          if (reason) setReasonError(reason);
          fail(e);
        },
      },
    );
  };

  return (
    <Stack gap="lg">
      <Section title={w.values}>
        <Stack gap={4}>
          <Text>
            {w.department}: {r.department.name} · {w.period}: {periodText(r.period)} · {w.deadline}: {d.deadline.date}
            {d.late ? ` · ${w.late}` : ''}
          </Text>
          <Text>
            {w.status}: <strong data-testid="result-status">{r.statusLabel}</strong>
          </Text>
          <Text>
            {r.indicator.measurement === 'milestone'
              ? `${w.milestones}: ${r.milestonesDone.join(', ') || '—'}`
              : `${w.actual}: ${r.actual ?? '—'} ${r.indicator.unit}`}
          </Text>
          {r.comment && (
            <Text>
              {w.comment}: {r.comment}
            </Text>
          )}
          {ab.edit && (
            <Anchor underline="always" component={Link} to={entryHref(r.indicator.code, r.department.name, r.period)}>
              {w.edit}
            </Anchor>
          )}
        </Stack>
      </Section>
      <Section title={w.evidence}>
        <EvidenceList items={d.evidence} />
      </Section>
      <Section title={w.action}>
        <Stack gap="sm" maw={640}>
          {alert && (
            <Alert color={alert.color} role={alert.color === 'red' ? 'alert' : 'status'}>
              {alert.text}
            </Alert>
          )}
          {!ab.approve && !ab.verify && !ab.return && <Text c="dimmed">{w.noActions}</Text>}
          {ab.return && (
            <Textarea
              label={w.returnReason}
              value={reason}
              onChange={(e) => {
                setReason(e.currentTarget.value);
                setReasonError(undefined);
              }}
              error={reasonError}
              autosize
              minRows={2}
            />
          )}
          <Group>
            {ab.approve && (
              <Button onClick={() => run('approve')} disabled={busy}>
                {w.approve}
              </Button>
            )}
            {ab.verify && (
              <Button onClick={() => run('verify')} disabled={busy}>
                {w.verify}
              </Button>
            )}
            {ab.return && (
              <Button color="red" variant="outline" onClick={doReturn} disabled={busy}>
                {w.return}
              </Button>
            )}
          </Group>
        </Stack>
      </Section>
      <Section title={w.timeline}>
        <TableFrame caption={w.timeline} captionHidden>
          <Table.Thead>
            <Table.Tr>
              <Th>{w.at}</Th>
              <Th>{w.actor}</Th>
              <Th>{w.action}</Th>
              <Th>{w.status}</Th>
              <Th>{w.reason}</Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {d.timeline.map((t, i) => (
              <Table.Tr key={i}>
                <Table.Td>{t.at.slice(0, 16).replace('T', ' ')}</Table.Td>
                <Table.Td>{t.actor.name}</Table.Td>
                <Table.Td>{(w.actions as Record<string, string>)[t.action] ?? t.action}</Table.Td>
                <Table.Td>{t.fromStatus || t.toStatus ? `${st(t.fromStatus)} → ${st(t.toStatus)}` : ''}</Table.Td>
                <Table.Td>{t.reason}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </TableFrame>
      </Section>
      <Section title={w.comments}>
        <ResultComments d={d} />
      </Section>
    </Stack>
  );
}

export default function ReviewPage() {
  const { m } = useI18n();
  const { id } = useParams();
  const q = useResult(id);
  return (
    <Page
      title={
        q.data
          ? `${m.work.reviewTitle}: ${q.data.result.indicator.code} ${q.data.result.indicator.name}`
          : m.work.reviewTitle
      }
    >
      <Query q={q}>{(d) => <Review d={d} />}</Query>
    </Page>
  );
}

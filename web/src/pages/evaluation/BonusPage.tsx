/**
 * 가점 (/evaluation/bonus): the committee's bonus awards — the list, a form to grant one (department,
 * item, 0–1 point, reason) or edit one (guarded by its version), withdraw. Korean errors at the fields.
 */
import { useState } from 'react';
import { Alert, Button, Group, Select, SimpleGrid, Stack, Table, Text, TextInput, Textarea } from '@mantine/core';
import { ApiError } from '../../api/client';
import {
  useBonusAwards,
  useGrantBonus,
  useQualitativeScores,
  useWithdrawBonus,
  type BonusAward,
  type BonusResponse,
} from '../../api/evaluation';
import { useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { EvaluationTabs, inRange, parseScore } from './shared';
import { ERROR_COLOR, OK_COLOR } from '../../app/theme';

type Field = 'department' | 'item' | 'points' | 'reason';

function BonusForm({
  year,
  data,
  departments,
  editing,
  onDone,
}: {
  year: number;
  data: BonusResponse;
  departments: string[];
  editing: BonusAward | null;
  onDone: (message: string) => void;
}) {
  const { m, format } = useI18n();
  const grant = useGrantBonus(year);
  const [department, setDepartment] = useState(editing?.department ?? '');
  const [item, setItem] = useState(editing?.item ?? '');
  const [points, setPoints] = useState(editing ? String(editing.points) : '');
  const [reason, setReason] = useState(editing?.reason ?? '');
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});

  const submit = () => {
    const e: Partial<Record<Field | 'form', string>> = {};
    if (!department) e.department = m.evaluation.departmentRequired;
    if (!item) e.item = m.evaluation.itemRequired;
    const p = parseScore(points);
    if (!inRange(p, 0, 1)) e.points = format(m.evaluation.numberRange, { min: 0, max: 1 });
    if (reason.trim() === '') e.reason = m.evaluation.reasonRequired;
    if (!editing && department && item && data.awards.some((a) => a.department === department && a.item === item))
      e.item = m.evaluation.bonusExists;
    setErrors(e);
    if (Object.keys(e).length > 0) return;
    grant.mutate(
      { department, item, points: p!, reason: reason.trim(), version: editing?.version },
      {
        onSuccess: () => {
          setDepartment('');
          setItem('');
          setPoints('');
          setReason('');
          onDone(m.evaluation.bonusSaved);
        },
        onError: (err) => {
          if (!(err instanceof ApiError)) return setErrors({ form: String(err) });
          if (err.status === 409) return setErrors({ form: `${err.message} ${m.evaluation.conflict}` });
          const fe: Partial<Record<Field | 'form', string>> = {};
          for (const d of err.details)
            if (['department', 'item', 'points', 'reason'].includes(d.path)) fe[d.path as Field] = d.message;
          setErrors(Object.keys(fe).length ? fe : { form: err.message });
        },
      },
    );
  };
  return (
    <Stack gap="sm" maw={760}>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <Select
          label={m.evaluation.bonusDepartment}
          data={departments}
          value={department || null}
          onChange={(v) => setDepartment(v ?? '')}
          error={errors.department}
          disabled={!!editing}
          searchable
          required
        />
        <Select
          label={m.evaluation.bonusItem}
          data={data.items.map((i) => ({ value: i.item, label: i.label }))}
          value={item || null}
          onChange={(v) => setItem(v ?? '')}
          error={errors.item}
          disabled={!!editing}
          required
        />
        <TextInput
          label={m.evaluation.bonusPoints}
          value={points}
          onChange={(e) => setPoints(e.currentTarget.value)}
          error={errors.points}
          inputMode="decimal"
          required
        />
      </SimpleGrid>
      <Textarea
        label={m.evaluation.bonusReason}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        error={errors.reason}
        autosize
        minRows={2}
        required
      />
      {errors.form ? (
        <Text c={ERROR_COLOR} size="sm" role="alert">
          {errors.form}
        </Text>
      ) : null}
      <Group gap="xs">
        <Button onClick={submit} loading={grant.isPending}>
          {m.evaluation.bonusSave}
        </Button>
        {editing ? (
          <Button variant="default" onClick={() => onDone('')}>
            {m.evaluation.cancel}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}

function Bonus({ data, year }: { data: BonusResponse; year: number }) {
  const { m, num } = useI18n();
  const qual = useQualitativeScores(year);
  const withdraw = useWithdrawBonus(year);
  const [editing, setEditing] = useState<BonusAward | null>(null);
  const [notice, setNotice] = useState('');
  const departments = qual.data?.departments.map((d) => d.department) ?? [];
  const done = (message: string) => {
    setEditing(null);
    setNotice(message);
  };
  return (
    <>
      <Section title={m.evaluation.bonusCaption} id="awards">
        {data.awards.length === 0 ? (
          <Text>{m.evaluation.bonusEmpty}</Text>
        ) : (
          <TableFrame caption={m.evaluation.bonusCaption} captionHidden minWidth={820}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.evaluation.colDepartment}</Th>
                <Th>{m.evaluation.colItem}</Th>
                <Th num>{m.evaluation.colPoints}</Th>
                <Th>{m.evaluation.colReason}</Th>
                <Th>{m.evaluation.colGrantedBy}</Th>
                {data.canGrant ? <Th>{m.evaluation.colActions}</Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.awards.map((a) => (
                <Table.Tr key={`${a.department}-${a.item}`}>
                  <Table.Th scope="row" fw={500}>
                    {a.department}
                  </Table.Th>
                  <Table.Td>{a.itemLabel}</Table.Td>
                  <Table.Td className="num">{num(a.points, 2)}</Table.Td>
                  <Table.Td>{a.reason}</Table.Td>
                  <Table.Td>{a.grantedBy}</Table.Td>
                  {data.canGrant ? (
                    <Table.Td>
                      <Group gap={4} wrap="nowrap">
                        <Button
                          size="compact-xs"
                          variant="default"
                          aria-label={`${a.department} ${a.itemLabel} ${m.evaluation.bonusEdit}`}
                          onClick={() => {
                            setNotice('');
                            setEditing(a);
                          }}
                        >
                          {m.evaluation.bonusEdit}
                        </Button>
                        <Button
                          size="compact-xs"
                          variant="default"
                          color="red"
                          aria-label={`${a.department} ${a.itemLabel} ${m.evaluation.bonusWithdraw}`}
                          loading={withdraw.isPending}
                          onClick={() =>
                            withdraw.mutate(
                              { department: a.department, item: a.item, version: a.version },
                              { onSuccess: () => setNotice(m.evaluation.bonusWithdrawn) },
                            )
                          }
                        >
                          {m.evaluation.bonusWithdraw}
                        </Button>
                      </Group>
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        )}
        {withdraw.isError ? (
          <Alert color="red" variant="light" role="alert" mt="xs">
            {withdraw.error.message}
          </Alert>
        ) : null}
        {notice ? (
          <Text size="sm" c={OK_COLOR} role="status" mt="xs">
            {notice}
          </Text>
        ) : null}
      </Section>
      {data.canGrant ? (
        <Section title={editing ? m.evaluation.bonusEditTitle : m.evaluation.bonusAdd} id="bonus-form">
          <BonusForm
            key={editing ? `${editing.department}-${editing.item}-${editing.version}` : 'new'}
            year={year}
            data={data}
            departments={departments}
            editing={editing}
            onDone={done}
          />
        </Section>
      ) : (
        <Text c="dimmed">{m.evaluation.readOnly}</Text>
      )}
    </>
  );
}

export default function BonusPage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const q = useBonusAwards(year);
  return (
    <Page title={format(m.evaluation.bonusTitle, { year: year ?? '' })} intro={m.evaluation.bonusIntro}>
      <EvaluationTabs />
      <Query q={q}>{(data) => <Bonus data={data} year={data.year} />}</Query>
    </Page>
  );
}

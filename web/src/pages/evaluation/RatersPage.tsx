/**
 * 평가위원 배정 (/evaluation/raters, planner: rating.manage): every indicator of the year with its lead
 * department and raters, each rater's number of indicators; filter and search; select indicators
 * (checkboxes) and assign or remove a rater for all of them in one request (all or nothing); 고르게
 * 배정 previews the server's proposal (dry run) before saving it. A rater is never added to an
 * indicator of their own department (skipped, and said so). The server's refusal (rating closed,
 * a rater who may not rate) is shown as it comes.
 */
import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Group, Radio, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import {
  useDistribute,
  useRaterAssignments,
  useSetAssignments,
  type AssignmentIndicator,
  type DistributionResponse,
  type RaterAssignmentsResponse,
} from '../../api/evaluation';
import { useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { EvaluationTabs, inRange, parseScore } from './shared';
import { ERROR_COLOR, OK_COLOR } from '../../app/theme';

type Notice = { ok: boolean; text: string } | null;

function NoticeLine({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return notice.ok ? (
    <Text size="sm" c={OK_COLOR} role="status">
      {notice.text}
    </Text>
  ) : (
    <Alert color="red" variant="light" role="alert">
      {notice.text}
    </Alert>
  );
}

function RaterLoad({ data }: { data: RaterAssignmentsResponse }) {
  const { m, num } = useI18n();
  const count = (u: string) => data.indicators.filter((i) => i.raters.includes(u)).length;
  return (
    <TableFrame caption={m.evaluation.loadCaption} captionHidden minWidth={480}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.evaluation.colRater}</Th>
          <Th>{m.evaluation.colRaterDepartments}</Th>
          <Th num>{m.evaluation.colAssignedCount}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.raters.map((r) => (
          <Table.Tr key={r.username}>
            <Table.Th scope="row" fw={500}>
              {r.displayName} <span className="cell-sub">{r.username}</span>
            </Table.Th>
            <Table.Td>{r.departments.join(', ') || m.evaluation.none}</Table.Td>
            <Table.Td className="num">{num(count(r.username), 0)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

function Distribute({ data, selected, year }: { data: RaterAssignmentsResponse; selected: string[]; year: number }) {
  const { m, format, num } = useI18n();
  const distribute = useDistribute(year);
  const [per, setPer] = useState(String(Math.min(3, data.raters.length)));
  const [scope, setScope] = useState<'all' | 'selected'>('all');
  const [perError, setPerError] = useState<string>();
  const [preview, setPreview] = useState<{ key: string; result: DistributionResponse } | null>(null);
  const [error, setError] = useState('');
  const [done, setDone] = useState('');
  const request = () => {
    const n = parseScore(per);
    if (!inRange(n, 1, data.raters.length) || !Number.isInteger(n)) {
      setPerError(format(m.evaluation.numberRange, { min: 1, max: data.raters.length }));
      return null;
    }
    setPerError(undefined);
    return { perIndicator: n!, indicators: scope === 'selected' ? selected : undefined };
  };
  const key = `${per}|${scope}|${scope === 'selected' ? selected.join(',') : ''}`;
  const run = (dryRun: boolean) => {
    const input = request();
    if (!input) return;
    setError('');
    setDone('');
    distribute.mutate(
      { ...input, dryRun },
      {
        onSuccess: (result) => {
          if (dryRun) setPreview({ key, result });
          else {
            setPreview(null);
            setDone(format(m.evaluation.distributeDone, { n: result.changed }));
          }
        },
        onError: (e) => setError(e.message),
      },
    );
  };
  const current = preview && preview.key === key ? preview.result : null;
  return (
    <Stack gap="sm">
      <Text size="sm">{m.evaluation.distributeIntro}</Text>
      <Group align="flex-start" gap="lg">
        <TextInput
          label={m.evaluation.distributePer}
          value={per}
          onChange={(e) => setPer(e.currentTarget.value)}
          error={perError}
          inputMode="numeric"
          w={160}
          required
        />
        <Radio.Group
          label={m.evaluation.distributeScope}
          value={scope}
          onChange={(v) => setScope(v === 'selected' ? 'selected' : 'all')}
        >
          <Stack gap={6} mt={6}>
            <Radio value="all" label={format(m.evaluation.distributeScopeAll, { n: data.indicators.length })} />
            <Radio
              value="selected"
              label={format(m.evaluation.distributeScopeSelected, { n: selected.length })}
              disabled={selected.length === 0}
            />
          </Stack>
        </Radio.Group>
      </Group>
      <Group gap="xs">
        <Button variant="default" onClick={() => run(true)} loading={distribute.isPending && !current}>
          {m.evaluation.distributePreview}
        </Button>
        {current && current.changed > 0 ? (
          <Button onClick={() => run(false)} loading={distribute.isPending}>
            {m.evaluation.distributeApply}
          </Button>
        ) : null}
      </Group>
      {preview && !current ? <Text size="sm">{m.evaluation.distributeStale}</Text> : null}
      <NoticeLine notice={error ? { ok: false, text: error } : done ? { ok: true, text: done } : null} />
      {current ? (
        <div role="status">
          <Text fw={600} mb="xs">
            {current.changed === 0
              ? m.evaluation.distributeNone
              : format(m.evaluation.distributeSummary, { indicators: current.indicators, changed: current.changed })}
          </Text>
          {current.short.length ? (
            <ul>
              {current.short.slice(0, 10).map((s) => (
                <li key={s.indicator}>
                  <Text size="sm">{format(m.evaluation.distributeShort, s)}</Text>
                </li>
              ))}
            </ul>
          ) : null}
          <TableFrame caption={m.evaluation.distributeCaption} minWidth={420}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.evaluation.colRater}</Th>
                <Th num>{m.evaluation.colBefore}</Th>
                <Th num>{m.evaluation.colAfter}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {current.load.map((l) => (
                <Table.Tr key={l.rater}>
                  <Table.Th scope="row" fw={500}>
                    {l.displayName} <span className="cell-sub">{l.rater}</span>
                  </Table.Th>
                  <Table.Td className="num">{num(l.before, 0)}</Table.Td>
                  <Table.Td className="num">{num(l.after, 0)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        </div>
      ) : null}
    </Stack>
  );
}

/** Sticks below the shell's header while the long table scrolls. */
const STICKY = {
  position: 'sticky',
  top: 60,
  zIndex: 3,
  background: 'var(--mantine-color-body)',
  paddingBlock: 8,
} as const;

function Assignments({
  data,
  year,
  selected,
  setSelected,
}: {
  data: RaterAssignmentsResponse;
  year: number;
  selected: Set<string>;
  setSelected: (f: (prev: Set<string>) => Set<string>) => void;
}) {
  const { m, format, num } = useI18n();
  const save = useSetAssignments(year);
  const [search, setSearch] = useState('');
  const [lead, setLead] = useState<string | null>(null);
  const [cond, setCond] = useState<string | null>(null);
  const [rater, setRater] = useState<string | null>(null);
  const [bulkError, setBulkError] = useState<{ selection?: string; rater?: string }>({});
  const [notice, setNotice] = useState<Notice>(null);
  const editable = data.editable;
  const names = useMemo(() => new Map(data.raters.map((r) => [r.username, r.displayName])), [data.raters]);
  const raterName = (u: string) => names.get(u) ?? u;

  const leads = useMemo(
    () => [...new Set(data.indicators.map((i) => i.leadDepartment))].sort((a, b) => a.localeCompare(b, 'ko')),
    [data.indicators],
  );
  const shown = useMemo(() => {
    const s = search.trim().toLowerCase();
    const [mode, who] = (cond ?? '').split(':');
    return data.indicators.filter(
      (i) =>
        (!s || `${i.name} ${i.indicator} ${i.leadDepartment}`.toLowerCase().includes(s)) &&
        (!lead || i.leadDepartment === lead) &&
        (mode !== 'none' || i.raters.length === 0) &&
        (mode !== 'has' || i.raters.includes(who!)) &&
        (mode !== 'lacks' || !i.raters.includes(who!)),
    );
  }, [data.indicators, search, lead, cond]);
  const allShownSelected = shown.length > 0 && shown.every((i) => selected.has(i.indicator));
  const someShownSelected = shown.some((i) => selected.has(i.indicator));

  const toggle = (code: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(code);
      else next.delete(code);
      return next;
    });
  const toggleShown = (on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      for (const i of shown)
        if (on) next.add(i.indicator);
        else next.delete(i.indicator);
      return next;
    });

  const apply = (add: boolean) => {
    const e: typeof bulkError = {};
    if (selected.size === 0) e.selection = m.evaluation.bulkNeedSelection;
    if (!rater) e.rater = m.evaluation.bulkNeedRater;
    setBulkError(e);
    setNotice(null);
    if (e.selection || e.rater) return;
    const chosen = data.indicators.filter((i) => selected.has(i.indicator));
    const skipped = add ? chosen.filter((i) => i.ineligibleRaters.includes(rater!)) : [];
    const changes = chosen
      .filter((i) => !skipped.includes(i) && i.raters.includes(rater!) !== add)
      .map((i) => ({
        indicator: i.indicator,
        raters: add ? [...i.raters, rater!] : i.raters.filter((r) => r !== rater),
      }));
    const skippedText = skipped.length
      ? ` ${format(m.evaluation.bulkSkipped, { n: skipped.length, rater: raterName(rater!) })}`
      : '';
    if (changes.length === 0) {
      setNotice({ ok: true, text: m.evaluation.bulkNothing + skippedText });
      return;
    }
    save.mutate(changes, {
      onSuccess: (r) => setNotice({ ok: true, text: format(m.evaluation.bulkDone, { n: r.changed }) + skippedText }),
      onError: (err) => setNotice({ ok: false, text: err.message }),
    });
  };

  const condOptions = [
    { value: 'none', label: m.evaluation.filterUnassigned },
    ...data.raters.flatMap((r) => [
      { value: `has:${r.username}`, label: format(m.evaluation.filterHas, { rater: r.displayName }) },
      { value: `lacks:${r.username}`, label: format(m.evaluation.filterLacks, { rater: r.displayName }) },
    ]),
  ];
  return (
    <Section title={m.evaluation.assignTitle} id="assignments">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <TextInput
            label={m.evaluation.assignSearch}
            value={search}
            onChange={(e) => setSearch(e.currentTarget.value)}
            w={300}
          />
          <Select
            label={m.evaluation.filterLead}
            data={leads}
            value={lead}
            onChange={setLead}
            placeholder={m.evaluation.filterAll}
            clearable
            searchable
            w={200}
          />
          <Select
            label={m.evaluation.filterRater}
            data={condOptions}
            value={cond}
            onChange={setCond}
            placeholder={m.evaluation.filterAll}
            clearable
            w={240}
          />
        </Group>
        {editable ? (
          <Group align="flex-end" gap="sm" className="no-print" style={STICKY}>
            <Select
              label={m.evaluation.bulkRater}
              data={data.raters.map((r) => ({ value: r.username, label: `${r.displayName} (${r.username})` }))}
              value={rater}
              onChange={setRater}
              error={bulkError.rater}
              w={220}
            />
            <Button onClick={() => apply(true)} loading={save.isPending}>
              {m.evaluation.bulkAssign}
            </Button>
            <Button variant="default" onClick={() => apply(false)} loading={save.isPending}>
              {m.evaluation.bulkRemove}
            </Button>
            <Button variant="subtle" onClick={() => setSelected(() => new Set())} disabled={selected.size === 0}>
              {m.evaluation.clearSelection}
            </Button>
          </Group>
        ) : null}
        <Group gap="md">
          <Text size="sm" aria-live="polite">
            {format(m.evaluation.shownCount, { shown: shown.length, total: data.indicators.length })}
          </Text>
          <Text size="sm" fw={600} aria-live="polite">
            {format(m.evaluation.selectedCount, { n: selected.size })}
          </Text>
          {bulkError.selection ? (
            <Text size="sm" c={ERROR_COLOR} role="alert">
              {bulkError.selection}
            </Text>
          ) : null}
        </Group>
        <NoticeLine notice={notice} />
        {shown.length === 0 ? (
          <Text>{m.evaluation.noIndicators}</Text>
        ) : (
          <TableFrame caption={format(m.evaluation.assignCaption, { year })} captionHidden minWidth={820}>
            <Table.Thead>
              <Table.Tr>
                {editable ? (
                  <Th width={48}>
                    <Checkbox
                      aria-label={m.evaluation.selectAllShown}
                      checked={allShownSelected}
                      indeterminate={!allShownSelected && someShownSelected}
                      onChange={(e) => toggleShown(e.currentTarget.checked)}
                    />
                  </Th>
                ) : null}
                <Th>{m.evaluation.colIndicator}</Th>
                <Th>{m.evaluation.colKind}</Th>
                <Th>{m.evaluation.colLead}</Th>
                <Th>{m.evaluation.colRaters}</Th>
                <Th num>{m.evaluation.colRaterCount}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((i) => (
                <IndicatorRow
                  key={i.indicator}
                  row={i}
                  editable={editable}
                  checked={selected.has(i.indicator)}
                  onToggle={toggle}
                  raterName={raterName}
                  count={num(i.raters.length, 0)}
                />
              ))}
            </Table.Tbody>
          </TableFrame>
        )}
      </Stack>
    </Section>
  );
}

function IndicatorRow({
  row,
  editable,
  checked,
  onToggle,
  raterName,
  count,
}: {
  row: AssignmentIndicator;
  editable: boolean;
  checked: boolean;
  onToggle: (code: string, on: boolean) => void;
  raterName: (u: string) => string;
  count: string;
}) {
  const { m, format } = useI18n();
  const kind = m.kindsShort[row.kind as keyof typeof m.kindsShort] ?? row.kind;
  return (
    <Table.Tr data-indicator={row.indicator}>
      {editable ? (
        <Table.Td>
          <Checkbox
            aria-label={format(m.evaluation.selectRow, { indicator: `${row.indicator} ${row.name}` })}
            checked={checked}
            onChange={(e) => onToggle(row.indicator, e.currentTarget.checked)}
          />
        </Table.Td>
      ) : null}
      <Table.Th scope="row" fw={500}>
        {row.name} <span className="cell-sub">{row.indicator}</span>
      </Table.Th>
      <Table.Td>{kind}</Table.Td>
      <Table.Td>{row.leadDepartment}</Table.Td>
      <Table.Td>{row.raters.map(raterName).join(', ') || m.evaluation.none}</Table.Td>
      <Table.Td className="num">{count}</Table.Td>
    </Table.Tr>
  );
}

function Raters({ data, year }: { data: RaterAssignmentsResponse; year: number }) {
  const { m } = useI18n();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const selectedCodes = data.indicators.filter((i) => selected.has(i.indicator)).map((i) => i.indicator);
  return (
    <>
      {data.ratingClosed ? (
        <Alert color="gray" variant="light">
          {m.evaluation.ratersClosed}
        </Alert>
      ) : null}
      {data.raters.length === 0 ? <Alert color="yellow">{m.evaluation.ratersNoRaters}</Alert> : null}
      <Section title={m.evaluation.loadTitle} id="load">
        <RaterLoad data={data} />
      </Section>
      {data.editable && data.raters.length > 0 ? (
        <Section title={m.evaluation.distributeTitle} id="distribute">
          <Distribute data={data} selected={selectedCodes} year={year} />
        </Section>
      ) : null}
      <Assignments data={data} year={year} selected={selected} setSelected={setSelected} />
    </>
  );
}

export default function RatersPage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const q = useRaterAssignments(year);
  return (
    <Page title={format(m.evaluation.ratersTitle, { year: year ?? '' })} intro={m.evaluation.ratersIntro}>
      <EvaluationTabs />
      <Query q={q}>{(data) => <Raters data={data} year={data.year} />}</Query>
    </Page>
  );
}

/**
 * 지표 성격 평가 (/evaluation/rating): a rater's assigned indicators with the three criteria, each row
 * saved when a field is left (its own saved / error / conflict state; the row's version guards
 * against a stale write), blind to other raters' scores until rating closes. The planner,
 * committee and executive see the progress (and the scores the API shows them).
 */
import { memo, useMemo, useState } from 'react';
import { Alert, Badge, Group, Table, Text, TextInput } from '@mantine/core';
import { ApiError, api } from '../../api/client';
import {
  CRITERIA,
  saveRating,
  useRatings,
  type Criterion,
  type Rating,
  type RatingIndicator,
  type RatingsResponse,
} from '../../api/evaluation';
import { useSession } from '../../api/session';
import { useYear } from '../../app/year';
import { Page } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { EvaluationTabs, inRange, parseScore } from './shared';
import { ERROR_COLOR, OK_COLOR, WARN_COLOR } from '../../app/theme';

type RowState = 'idle' | 'stored' | 'saving' | 'saved' | 'error' | 'conflict' | 'invalid';
type Values = Record<Criterion, string>;

const toValues = (r: Rating | null): Values => ({
  representativeness: r?.representativeness?.toString() ?? '',
  difficulty: r?.difficulty?.toString() ?? '',
  completeness: r?.completeness?.toString() ?? '',
});

const RatingRow = memo(function RatingRow({
  year,
  row,
  editable,
  showOthers,
  me,
}: {
  year: number;
  row: RatingIndicator;
  editable: boolean;
  showOthers: boolean;
  me: string;
}) {
  const { m, format } = useI18n();
  const [values, setValues] = useState<Values>(() => toValues(row.myRating));
  const [saved, setSaved] = useState<Values>(() => toValues(row.myRating));
  const [version, setVersion] = useState<number | undefined>(row.myRating?.version);
  const [state, setState] = useState<RowState>(row.myRating ? 'stored' : 'idle');
  const [errors, setErrors] = useState<Partial<Record<Criterion, string>>>({});
  const [message, setMessage] = useState<string | null>(null);

  const save = async (next: Values) => {
    const errs: Partial<Record<Criterion, string>> = {};
    const body = {} as Record<Criterion, number | null>;
    for (const c of CRITERIA) {
      const n = parseScore(next[c]);
      if (n !== null && !inRange(n, 0, 100)) errs[c] = format(m.evaluation.numberRange, { min: 0, max: 100 });
      body[c] = n;
    }
    setErrors(errs);
    if (Object.keys(errs).length > 0) {
      setState('invalid');
      return;
    }
    if (CRITERIA.every((c) => next[c].trim() === saved[c].trim())) return;
    setState('saving');
    setMessage(null);
    try {
      const r = await saveRating(year, row.indicator, { ...body, version });
      setVersion(r.version);
      setSaved(toValues(r));
      setState('saved');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && (e.code === 'stale_version' || e.code === 'already_exists')) {
        // Someone (this rater elsewhere) saved first: load the row as it stands now.
        try {
          const cur = await api<RatingsResponse>(`/plans/${year}/evaluation/ratings`, {
            query: { indicator: row.indicator },
          });
          const mine = cur.indicators.find((x) => x.indicator === row.indicator)?.myRating ?? null;
          setValues(toValues(mine));
          setSaved(toValues(mine));
          setVersion(mine?.version);
        } catch {
          /* keep the typed values */
        }
        setState('conflict');
        setMessage(m.evaluation.conflict);
        return;
      }
      if (e instanceof ApiError) {
        const fe: Partial<Record<Criterion, string>> = {};
        for (const d of e.details)
          if ((CRITERIA as readonly string[]).includes(d.path)) fe[d.path as Criterion] = d.message;
        setErrors(fe);
        setMessage(Object.keys(fe).length ? null : e.message);
      } else setMessage(String(e));
      setState('error');
    }
  };

  const stateLabel: Record<RowState, string> = {
    idle: m.evaluation.stateIdle,
    stored: m.evaluation.stateStored,
    saving: m.evaluation.stateSaving,
    saved: m.evaluation.stateSaved,
    error: m.evaluation.stateError,
    conflict: m.evaluation.stateConflict,
    invalid: m.evaluation.stateInvalid,
  };
  const color: Record<RowState, string> = {
    idle: '#495057',
    stored: '#0c4bbf',
    saving: '#0c4bbf',
    saved: OK_COLOR,
    error: ERROR_COLOR,
    conflict: WARN_COLOR,
    invalid: ERROR_COLOR,
  };
  const others = row.ratings.filter((r) => r.rater !== me && r.rater !== row.myRating?.rater);
  return (
    <Table.Tr data-indicator={row.indicator}>
      <Table.Th scope="row" fw={500}>
        {row.name} <span className="cell-sub">{row.indicator}</span>
      </Table.Th>
      <Table.Td>{row.leadDepartment}</Table.Td>
      {CRITERIA.map((c) => (
        <Table.Td key={c}>
          <TextInput
            aria-label={format(m.evaluation.ratingFieldLabel, { indicator: row.name, criterion: m.evaluation[c] })}
            value={values[c]}
            onChange={(e) => {
              const v = e.currentTarget.value;
              setValues((prev) => ({ ...prev, [c]: v }));
            }}
            onBlur={() => void save(values)}
            error={errors[c]}
            disabled={!editable}
            inputMode="decimal"
            size="xs"
            w={96}
          />
        </Table.Td>
      ))}
      <Table.Td>
        <div role="status" aria-live="polite">
          <Badge color={color[state]} variant="filled">
            {stateLabel[state]}
          </Badge>
          {message ? (
            <Text size="xs" c={state === 'conflict' ? WARN_COLOR : ERROR_COLOR}>
              {message}
            </Text>
          ) : null}
        </div>
      </Table.Td>
      {showOthers ? (
        <Table.Td>
          <Text size="xs">
            {others
              .map(
                (r) =>
                  `${r.rater}: ${[r.representativeness, r.difficulty, r.completeness].map((v) => v ?? '–').join('/')}`,
              )
              .join(' · ') || m.common.dash}
          </Text>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
});

function Overview({ data }: { data: RatingsResponse }) {
  const { m, num } = useI18n();
  return (
    <TableFrame caption={m.evaluation.ratingCaption} captionHidden minWidth={700}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.evaluation.colIndicator}</Th>
          <Th>{m.evaluation.colLead}</Th>
          <Th num>{m.evaluation.colStatus}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.indicators.map((r) => (
          <Table.Tr key={r.indicator}>
            <Table.Th scope="row" fw={500}>
              {r.name} <span className="cell-sub">{r.indicator}</span>
            </Table.Th>
            <Table.Td>{r.leadDepartment}</Table.Td>
            <Table.Td className="num">
              {num(r.ratedCount ?? 0, 0)} / {num(r.assignedRaters.length, 0)}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

function Sheet({ data, year }: { data: RatingsResponse; year: number }) {
  const { m, format } = useI18n();
  const session = useSession();
  const me = session.data?.user?.username ?? '';
  const [search, setSearch] = useState('');
  const mine = useMemo(() => data.indicators.filter((r) => r.assignedToMe), [data]);
  const rated = mine.filter((r) => r.myRating?.complete).length;
  const shown = useMemo(() => {
    const s = search.trim().toLowerCase();
    return s ? mine.filter((r) => `${r.name} ${r.indicator} ${r.leadDepartment}`.toLowerCase().includes(s)) : mine;
  }, [mine, search]);
  const showOthers = data.ratingClosed;
  const editable = data.canRate && !data.ratingClosed && data.planStatus === 'active';
  return (
    <>
      <Alert color={data.ratingClosed ? 'gray' : 'blue'} variant="light">
        {data.ratingClosed ? m.evaluation.ratingClosedNote : m.evaluation.ratingBlind}
      </Alert>
      {!data.canRate ? (
        <Overview data={data} />
      ) : mine.length === 0 ? (
        <Text>{m.evaluation.ratingNone}</Text>
      ) : (
        <>
          <Group justify="space-between" align="flex-end">
            <TextInput
              label={m.evaluation.ratingSearch}
              value={search}
              onChange={(e) => setSearch(e.currentTarget.value)}
              w={280}
            />
            <Text fw={600}>{format(m.evaluation.ratingProgress, { rated, total: mine.length })}</Text>
          </Group>
          <TableFrame caption={m.evaluation.ratingCaption} captionHidden minWidth={900}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.evaluation.colIndicator}</Th>
                <Th>{m.evaluation.colLead}</Th>
                <Th>{m.evaluation.representativeness}</Th>
                <Th>{m.evaluation.difficulty}</Th>
                <Th>{m.evaluation.completeness}</Th>
                <Th>{m.evaluation.colStatus}</Th>
                {showOthers ? <Th>{m.evaluation.colOthers}</Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {shown.map((r) => (
                <RatingRow key={r.indicator} year={year} row={r} editable={editable} showOthers={showOthers} me={me} />
              ))}
            </Table.Tbody>
          </TableFrame>
        </>
      )}
    </>
  );
}

export default function RatingPage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const q = useRatings(year);
  return (
    <Page title={format(m.evaluation.ratingTitle, { year: year ?? '' })} intro={m.evaluation.ratingIntro}>
      <EvaluationTabs />
      <Query q={q}>{(data) => <Sheet data={data} year={data.year} />}</Query>
    </Page>
  );
}

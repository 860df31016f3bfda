/**
 * 정성평가 (/evaluation/qualitative): the executive's one score per evaluated department within the
 * scheme's bounds (0–max), with a comment; each row saved on its own (guarded by its version).
 */
import { memo, useState } from 'react';
import { Badge, Button, Table, Text, TextInput } from '@mantine/core';
import { ApiError, fieldErrors } from '../../api/client';
import { useQualitativeScores, useSetQualitative, type QualitativeResponse } from '../../api/evaluation';
import { useYear } from '../../app/year';
import { Page } from '../../components/Page';
import { Query } from '../../components/QueryState';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { EvaluationTabs, inRange, parseScore } from './shared';
import { ERROR_COLOR, OK_COLOR } from '../../app/theme';

type Row = QualitativeResponse['departments'][number];

const QualitativeRow = memo(function QualitativeRow({
  year,
  row,
  max,
  canWrite,
}: {
  year: number;
  row: Row;
  max: number;
  canWrite: boolean;
}) {
  const { m, format } = useI18n();
  const set = useSetQualitative(year);
  const [points, setPoints] = useState(row.score ? String(row.score.points) : '');
  const [comment, setComment] = useState(row.score?.comment ?? '');
  const [error, setError] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [version, setVersion] = useState(row.score?.version);
  const save = () => {
    setSaved(false);
    setMessage(null);
    const p = parseScore(points);
    if (!inRange(p, 0, max)) {
      setError(format(m.evaluation.numberRange, { min: 0, max }));
      return;
    }
    setError(null);
    set.mutate(
      { department: row.department, points: p!, comment, version },
      {
        onSuccess: (r) => {
          setVersion(r.version);
          setSaved(true);
        },
        onError: (e) => {
          const points = fieldErrors(e).points;
          if (e instanceof ApiError && e.status === 409) setMessage(m.evaluation.conflict);
          else if (points) setError(points);
          else setMessage(e.message);
        },
      },
    );
  };
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {row.department}
      </Table.Th>
      <Table.Td>
        <TextInput
          aria-label={format(m.evaluation.qualitativePoints, { department: row.department })}
          value={points}
          onChange={(e) => setPoints(e.currentTarget.value)}
          error={error}
          disabled={!canWrite}
          inputMode="decimal"
          size="xs"
          w={90}
        />
      </Table.Td>
      <Table.Td>
        <TextInput
          aria-label={format(m.evaluation.qualitativeComment, { department: row.department })}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          disabled={!canWrite}
          size="xs"
          miw={240}
        />
      </Table.Td>
      <Table.Td>{row.score?.givenBy ?? ''}</Table.Td>
      {canWrite ? (
        <Table.Td>
          <Button
            size="compact-sm"
            onClick={save}
            loading={set.isPending}
            aria-label={`${row.department} ${m.evaluation.qualitativeSave}`}
          >
            {m.evaluation.qualitativeSave}
          </Button>
          <div role="status" aria-live="polite">
            {saved ? (
              <Badge color={OK_COLOR} variant="filled" mt={4}>
                {m.evaluation.qualitativeSaved}
              </Badge>
            ) : null}
            {message ? (
              <Text size="xs" c={ERROR_COLOR}>
                {message}
              </Text>
            ) : null}
          </div>
        </Table.Td>
      ) : null}
    </Table.Tr>
  );
});

function Scores({ data }: { data: QualitativeResponse }) {
  const { m } = useI18n();
  return (
    <TableFrame caption={m.evaluation.qualitativeCaption} captionHidden minWidth={760}>
      <Table.Thead>
        <Table.Tr>
          <Th>{m.evaluation.colDepartment}</Th>
          <Th>{m.evaluation.colPoints}</Th>
          <Th>{m.evaluation.colComment}</Th>
          <Th>{m.evaluation.colGivenBy}</Th>
          {data.canWrite ? <Th>{m.evaluation.colActions}</Th> : null}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.departments.map((r) => (
          <QualitativeRow key={r.department} year={data.year} row={r} max={data.max} canWrite={data.canWrite} />
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

export default function QualitativePage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const q = useQualitativeScores(year);
  return (
    <Page
      title={format(m.evaluation.qualitativeTitle, { year: year ?? '' })}
      intro={format(m.evaluation.qualitativeIntro, { max: q.data?.max ?? 5 })}
    >
      <EvaluationTabs />
      <Query q={q}>{(data) => <Scores data={data} />}</Query>
    </Page>
  );
}

/**
 * The upload of a filled plan workbook: choose the file, upload it with a real progress bar (the
 * XMLHttpRequest upload events), then the server's dry run: the preview (organization, year, counts
 * per level, rows per sheet) and every problem and warning by sheet, row and column with the Korean
 * message. "가져오기" appears only when there is no problem; it asks for confirmation, uploads the
 * same file again without the dry run (all or nothing, audited on the server) and shows the result.
 */
import { useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Anchor,
  Button,
  Checkbox,
  FileInput,
  Group,
  Modal,
  Progress,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { problemsOf, uploadWorkbook, type ImportReport, type PlanCounts, type SheetProblem } from './transfer';

const MAX_BYTES = 20 * 1024 * 1024;
const LEVELS: (keyof PlanCounts)[] = [
  'orgStrategicGoals',
  'orgPerformanceGoals',
  'deptStrategicGoals',
  'deptPerformanceGoals',
  'indicators',
  'convergenceIndicators',
  'commonIndicators',
  'tasks',
  'departments',
];

type Phase = 'idle' | 'uploading' | 'processing';

function ProblemTable({ caption, problems }: { caption: string; problems: SheetProblem[] }) {
  const { m } = useI18n();
  return (
    <TableFrame caption={caption} minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Th num width={56}>
            {m.files.no}
          </Th>
          <Th>{m.files.sheet}</Th>
          <Th num width={64}>
            {m.files.row}
          </Th>
          <Th width={56}>{m.files.column}</Th>
          <Th>{m.files.item}</Th>
          <Th>{m.files.message}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {problems.map((p, i) => (
          <Table.Tr key={i} data-sheet={p.sheet ?? ''} data-row={p.row ?? ''} data-column={p.column ?? ''}>
            <Table.Th scope="row" className="num">
              {i + 1}
            </Table.Th>
            <Table.Td>{p.sheet ?? m.files.wholeFile}</Table.Td>
            <Table.Td className="num">{p.row ?? m.common.dash}</Table.Td>
            <Table.Td>{p.column ?? m.common.dash}</Table.Td>
            <Table.Td>{p.header ?? m.common.dash}</Table.Td>
            <Table.Td>{p.message}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

function Stat({ label, value, tone }: { label: string; value: string; tone?: 'red' | 'orange' }) {
  return (
    <div className="stat">
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={tone ? `${tone}.9` : undefined}>
        {value}
      </Text>
    </div>
  );
}

function Preview({ report, fileName, replace }: { report: ImportReport; fileName: string; replace: boolean }) {
  const { m, format, num } = useI18n();
  const p = report.preview;
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [report]);
  const existing = !p.exists
    ? m.files.existingNone
    : p.closed
      ? m.files.existingClosed
      : replace
        ? m.files.existingReplace
        : m.files.existingKeep;
  return (
    <Stack gap="sm" mt="md" className="import-preview">
      <Title order={3} size="h4" ref={heading} tabIndex={-1} id="preview-heading">
        {m.files.previewHeading}
        <Text span size="sm" c="dimmed" fw={400} ml="xs">
          {format(m.files.previewOf, { file: fileName })}
        </Text>
      </Title>
      {report.ok ? (
        <Alert color="teal" variant="light" role="status">
          {m.files.previewOk}
        </Alert>
      ) : (
        <Alert color="red" variant="light" role="alert">
          {format(m.files.previewProblems, { n: num(report.problems.length) })}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 2, sm: 4, lg: 7 }} spacing="sm" className="preview-stats">
        <Stat label={m.files.organization} value={p.organization?.name ?? m.common.dash} />
        <Stat label={m.files.year} value={p.year ? String(p.year) : m.common.dash} />
        <Stat label={m.files.existing} value={existing} tone={p.closed ? 'red' : undefined} />
        <Stat
          label={m.files.problems}
          value={format(m.files.countUnit, { n: num(report.problems.length) })}
          tone={report.problems.length ? 'red' : undefined}
        />
        <Stat
          label={m.files.warnings}
          value={format(m.files.countUnit, { n: num(report.warnings.length) })}
          tone={report.warnings.length ? 'orange' : undefined}
        />
        <Stat
          label={m.files.results}
          value={p.counts ? format(m.files.countUnit, { n: num(p.results) }) : m.common.dash}
        />
      </SimpleGrid>
      {p.title ? (
        <Text size="sm">
          {m.files.planTitle}: <strong>{p.title}</strong>
        </Text>
      ) : null}
      {report.problems.length ? (
        <ProblemTable
          caption={format(m.files.problemsCaption, { n: num(report.problems.length) })}
          problems={report.problems}
        />
      ) : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        {p.counts ? (
          <TableFrame caption={m.files.countsCaption}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.files.level}</Th>
                <Th num>{m.files.count}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody className="preview-counts">
              {LEVELS.map((k) => (
                <Table.Tr key={k} data-level={k}>
                  <Table.Th scope="row">{m.counts[k]}</Table.Th>
                  <Table.Td className="num">{num(p.counts![k])}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        ) : null}
        {Object.keys(p.rows).length ? (
          <TableFrame caption={m.files.rowsCaption}>
            <Table.Thead>
              <Table.Tr>
                <Th>{m.files.sheet}</Th>
                <Th num>{m.files.rows}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {Object.entries(p.rows).map(([sheet, n]) => (
                <Table.Tr key={sheet}>
                  <Table.Th scope="row">{sheet}</Table.Th>
                  <Table.Td className="num">{num(n)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
        ) : null}
      </SimpleGrid>
      {report.warnings.length ? (
        <ProblemTable
          caption={format(m.files.warningsCaption, { n: num(report.warnings.length) })}
          problems={report.warnings}
        />
      ) : null}
    </Stack>
  );
}

export function UploadPanel() {
  const { m, format, num } = useI18n();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [replace, setReplace] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [percent, setPercent] = useState(0);
  const [report, setReport] = useState<{ report: ImportReport; fileName: string; replace: boolean } | null>(null);
  const [error, setError] = useState<{ title: string; error: Error } | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [committing, setCommitting] = useState(false);
  const [committed, setCommitted] = useState<ImportReport | null>(null);
  const abort = useRef<AbortController | null>(null);
  useEffect(() => () => abort.current?.abort(), []);

  function choose(f: File | null) {
    setFile(f);
    setReport(null);
    setCommitted(null);
    setError(null);
    setFileError(null);
    if (f && !/\.xlsx$/i.test(f.name)) setFileError(m.files.fileNotXlsx);
    else if (f && f.size > MAX_BYTES) setFileError(m.files.fileTooLarge);
  }

  async function transfer(dryRun: boolean): Promise<ImportReport | null> {
    if (!file) {
      setFileError(m.files.fileRequired);
      return null;
    }
    if (fileError) return null;
    abort.current?.abort();
    abort.current = new AbortController();
    setPhase('uploading');
    setPercent(0);
    setError(null);
    try {
      return await uploadWorkbook(file, {
        dryRun,
        replace,
        networkMessage: m.files.networkError,
        signal: abort.current.signal,
        onProgress: (p) => setPercent(p.total ? Math.min(100, Math.round((p.loaded / p.total) * 100)) : 0),
        onSent: () => {
          setPercent(100);
          setPhase('processing');
        },
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return null;
      setError({ title: dryRun ? m.files.uploadFailed : m.files.commitFailed, error: e as Error });
      return null;
    } finally {
      setPhase('idle');
    }
  }

  async function check() {
    setReport(null);
    setCommitted(null);
    const r = await transfer(true);
    if (r && file) setReport({ report: r, fileName: file.name, replace });
  }

  async function commit() {
    setConfirming(false);
    setCommitting(true);
    try {
      const r = await transfer(false);
      if (r) {
        setCommitted(r);
        setReport(null);
        // Every cached view of the plans may have changed.
        await qc.invalidateQueries({ queryKey: ['plans'] });
      }
    } finally {
      setCommitting(false);
    }
  }

  const busy = phase !== 'idle';
  const problems = problemsOf(error?.error);
  const preview = report?.report.preview;
  return (
    <Stack gap="sm">
      <Text size="sm" maw={820}>
        {m.files.uploadSteps}
      </Text>
      <Group align="flex-end" gap="md" wrap="wrap">
        <FileInput
          label={m.files.fileLabel}
          description={m.files.fileHint}
          placeholder={m.files.filePlaceholder}
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          value={file}
          onChange={choose}
          error={fileError}
          clearable
          clearButtonProps={{ 'aria-label': m.files.clearFile }}
          w={380}
          maw="100%"
          disabled={busy}
          name="file"
        />
        <Button onClick={() => void check()} loading={busy && !committing} disabled={busy}>
          {m.files.check}
        </Button>
      </Group>
      <Checkbox
        label={m.files.replace}
        description={m.files.replaceHint}
        checked={replace}
        onChange={(e) => {
          setReplace(e.currentTarget.checked);
          setReport(null);
        }}
        disabled={busy}
      />
      <div role="status" aria-live="polite" className="upload-progress">
        {busy ? (
          <Stack gap={4} maw={520}>
            <Text size="sm">
              {phase === 'processing'
                ? committing
                  ? m.files.committing
                  : m.files.processing
                : format(m.files.uploading, { percent })}
            </Text>
            <Progress
              value={percent}
              size="lg"
              animated={phase === 'processing'}
              striped={phase === 'processing'}
              aria-label={m.files.uploadProgress}
            />
          </Stack>
        ) : null}
      </div>
      {error ? (
        <Alert color="red" variant="light" role="alert" title={error.title}>
          <p className="mt0">{error.error.message}</p>
          {problems.length ? (
            <ProblemTable caption={format(m.files.problemsCaption, { n: num(problems.length) })} problems={problems} />
          ) : null}
        </Alert>
      ) : null}
      {report ? <Preview report={report.report} fileName={report.fileName} replace={report.replace} /> : null}
      {report?.report.ok && preview ? (
        <Group>
          <Button onClick={() => setConfirming(true)} disabled={busy}>
            {m.files.commit}
          </Button>
        </Group>
      ) : null}
      {committed ? (
        <Alert color="teal" variant="light" role="status">
          <Text fw={700} size="sm" mb={4}>
            {format(committed.replaced ? m.files.committedReplaced : m.files.committed, {
              year: committed.preview.year ?? '',
            })}
          </Text>
          {committed.preview.counts ? (
            <p className="mt0">
              {format(m.files.committedCounts, {
                indicators: num(committed.preview.counts.indicators),
                tasks: num(committed.preview.counts.tasks),
                results: num(committed.preview.results),
              })}
            </p>
          ) : null}
          {committed.preview.year ? (
            <Anchor component={Link} to={`/?year=${committed.preview.year}`}>
              {m.files.openPlan}
            </Anchor>
          ) : null}
        </Alert>
      ) : null}
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={m.files.commitTitle}
        closeButtonProps={{ 'aria-label': m.files.cancel }}
        centered
      >
        {preview ? (
          <Stack gap="sm">
            <Text size="sm">
              {format(m.files.commitBody, { year: preview.year ?? '', title: preview.title ?? '' })}
            </Text>
            {preview.exists ? (
              <Text size="sm" fw={700} c="red.9">
                {format(m.files.commitReplace, { year: preview.year ?? '' })}
              </Text>
            ) : null}
            <Text size="sm">{m.files.commitAtomic}</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setConfirming(false)}>
                {m.files.cancel}
              </Button>
              <Button onClick={() => void commit()}>{m.files.commit}</Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

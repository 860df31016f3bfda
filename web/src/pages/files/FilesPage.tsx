/**
 * 엑셀·문서 (/files): "one click" downloads of every document and workbook the server generates from
 * the data (시행계획 DOCX/PDF/HWPX, the evaluation report XLSX/PDF, the plan template, the year's plan
 * workbook, the tables workbook), and the upload of a filled plan workbook (UploadPanel). What is
 * offered follows the session's abilities (the server's policy); the server still decides, and its
 * refusal (403) is shown with its message.
 */
import { useState } from 'react';
import { Alert, Button, Group, NativeSelect, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useSession } from '../../api/session';
import { useYear } from '../../app/year';
import { IllustrativeBadge } from '../../components/Illustrative';
import { Page, Section } from '../../components/Page';
import { useI18n } from '../../i18n';
import type { Messages } from '../../i18n/ko';
import { downloadFile, type Progress as TransferProgress } from './transfer';
import { UploadPanel } from './UploadPanel';

type Format = 'pdf' | 'docx' | 'hwpx' | 'xlsx';
type Mode = 'final' | 'provisional';

interface FormatOption {
  format: Format;
  /** Under /api/v1, without the mode query. */
  path: string;
}

export function sizeText(
  bytes: number,
  m: Messages,
  format: (t: string, v: Record<string, string | number>) => string,
) {
  return bytes >= 1024 * 1024
    ? format(m.files.mb, { n: (bytes / 1024 / 1024).toFixed(1) })
    : format(m.files.kb, { n: Math.max(1, Math.round(bytes / 1024)) });
}

function formatNote(m: Messages, f: Format): string {
  return { pdf: m.files.formatPdf, docx: m.files.formatDocx, hwpx: m.files.formatHwpx, xlsx: m.files.formatXlsx }[f];
}

/** One document or workbook: what it is, its formats, and the state of its download. */
function DownloadCard({
  id,
  title,
  about,
  formats,
  withMode,
}: {
  id: string;
  title: string;
  about: string;
  formats: FormatOption[];
  withMode?: boolean;
}) {
  const { m, format } = useI18n();
  const [mode, setMode] = useState<Mode>('final');
  const [busy, setBusy] = useState<Format | null>(null);
  const [progress, setProgress] = useState<TransferProgress | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [failed, setFailed] = useState<{ format: Format; message: string } | null>(null);

  async function run(f: FormatOption) {
    setBusy(f.format);
    setProgress(null);
    setDone(null);
    setFailed(null);
    try {
      const r = await downloadFile(withMode ? `${f.path}?mode=${mode}` : f.path, {
        networkMessage: m.files.networkError,
        onProgress: setProgress,
      });
      setDone(format(m.files.downloaded, { name: r.fileName, size: sizeText(r.size, m, format) }));
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      setFailed({ format: f.format, message });
    } finally {
      setBusy(null);
      setProgress(null);
    }
  }

  const upper = (f: Format) => f.toUpperCase();
  const percent = progress?.total ? Math.round((progress.loaded / progress.total) * 100) : null;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={`${id}-title`} className="download-card">
      <Stack gap="xs">
        <Title order={3} size="h4" id={`${id}-title`}>
          {title}
        </Title>
        <Text size="sm">{about}</Text>
        {withMode ? (
          <NativeSelect
            label={m.files.mode}
            size="xs"
            w={240}
            maw="100%"
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as Mode)}
            data={[
              { value: 'final', label: m.files.modeFinal },
              { value: 'provisional', label: m.files.modeProvisional },
            ]}
          />
        ) : null}
        <Stack component="ul" gap={6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {formats.map((f) => (
            <li key={f.format}>
              <Button
                size="xs"
                variant={f.format === formats[0]!.format ? 'filled' : 'light'}
                loading={busy === f.format}
                disabled={busy !== null && busy !== f.format}
                aria-label={format(m.files.downloadLabel, { item: title, format: upper(f.format) })}
                data-download={`${id}.${f.format}`}
                onClick={() => void run(f)}
              >
                {format(m.files.download, { format: upper(f.format) })}
              </Button>
              <Text span size="xs" c="dimmed" ml="xs">
                {formatNote(m, f.format)}
              </Text>
            </li>
          ))}
        </Stack>
        <div role="status" aria-live="polite">
          {busy ? (
            <Stack gap={4}>
              <Text size="xs">
                {percent === null
                  ? format(m.files.downloading, { item: title, format: upper(busy) })
                  : format(m.files.downloadingPercent, { item: title, format: upper(busy), percent })}
              </Text>
              {percent !== null ? (
                <Progress
                  value={percent}
                  size="sm"
                  aria-label={format(m.files.downloadingPercent, { item: title, format: upper(busy), percent })}
                />
              ) : null}
            </Stack>
          ) : done ? (
            <Text size="xs" c="teal.9">
              {done}
            </Text>
          ) : null}
        </div>
        {failed ? (
          <Alert
            color="red"
            variant="light"
            role="alert"
            title={format(m.files.downloadFailed, { item: title, format: upper(failed.format) })}
          >
            {failed.message}
          </Alert>
        ) : null}
      </Stack>
    </Paper>
  );
}

export default function FilesPage() {
  const { m, format } = useI18n();
  const { year, plan } = useYear();
  const session = useSession();
  const authAvailable = session.data?.authAvailable ?? true;
  const abilities = session.data?.abilities ?? [];
  // Without auth routes the server is read-only and public; otherwise the session's abilities decide.
  const may = (a: string) => !authAvailable || abilities.includes(a);
  const canRead = may('plan.read');
  const canEvaluation = may('evaluation.read');
  const canImport = authAvailable && abilities.includes('plan.import');
  const y = year ?? 0;

  return (
    <Page
      title={m.files.title}
      intro={year ? format(m.files.intro, { year }) : m.files.noYear}
      badges={plan?.illustrative ? <IllustrativeBadge /> : null}
    >
      {year && canRead ? (
        <>
          <Section title={m.files.documentsHeading} id="documents">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <DownloadCard
                id="plan-document"
                title={m.files.planDoc}
                about={m.files.planDocAbout}
                formats={(['pdf', 'docx', 'hwpx'] as const).map((f) => ({
                  format: f,
                  path: `/plans/${y}/documents/plan.${f}`,
                }))}
              />
              {canEvaluation ? (
                <DownloadCard
                  id="evaluation-report"
                  title={m.files.evaluationDoc}
                  about={m.files.evaluationDocAbout}
                  withMode
                  formats={(['pdf', 'xlsx'] as const).map((f) => ({
                    format: f,
                    path: `/plans/${y}/documents/evaluation.${f}`,
                  }))}
                />
              ) : null}
            </SimpleGrid>
          </Section>
          <Section title={m.files.workbooksHeading} id="workbooks">
            <SimpleGrid cols={{ base: 1, md: 3 }} spacing="md">
              <DownloadCard
                id="plan-workbook"
                title={format(m.files.planXlsx, { year: y })}
                about={m.files.planXlsxAbout}
                formats={[{ format: 'xlsx', path: `/plans/${y}/excel/plan.xlsx` }]}
              />
              <DownloadCard
                id="template"
                title={m.files.templateXlsx}
                about={m.files.templateXlsxAbout}
                formats={[{ format: 'xlsx', path: `/plans/${y}/excel/template.xlsx` }]}
              />
              <DownloadCard
                id="tables"
                title={m.files.tablesXlsx}
                about={m.files.tablesXlsxAbout}
                withMode
                formats={[{ format: 'xlsx', path: `/plans/${y}/excel/tables.xlsx` }]}
              />
            </SimpleGrid>
          </Section>
        </>
      ) : year ? (
        <Alert color="gray" variant="light">
          {m.files.noDownloads}
        </Alert>
      ) : null}
      <Section title={m.files.uploadHeading} id="upload">
        {canImport ? (
          <UploadPanel />
        ) : (
          <Group>
            <Alert color="gray" variant="light">
              {m.files.noImport}
            </Alert>
          </Group>
        )}
      </Section>
    </Page>
  );
}

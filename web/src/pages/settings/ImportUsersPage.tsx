/**
 * CSV로 사용자 가져오기 (/settings/users/import): the format (columns table, example file), a file
 * pick, 검사 (the server's dry run: every row error with its row and column, or the accounts it
 * would create), then 만들기 (all or nothing) and the temporary passwords once, to copy or download.
 */
import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, Anchor, Button, FileInput, Group, Stack, Table, Text } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useImportUsers, type ImportResult } from '../../api/settings';
import { Page, Section } from '../../components/Page';
import { TableFrame, Th } from '../../components/TableFrame';
import { useI18n } from '../../i18n';
import { CopyPasswordButton, SettingsTabs, useRoleText } from './shared';

const EXAMPLE =
  '\ufeff아이디,이름,이메일,역할,부서\n' +
  'kim.hj,김하준,kim.hj@example.go.kr,부서 담당자,교통과\n' +
  'kim.hj,김하준,,부서장,교통과\n' +
  'lee.sy,이서연,,부서 담당자,보건위생과;건강증진과\n' +
  'park.mj,박민준,,평가위원,\n';

/** Reads the file as UTF-8, or as EUC-KR (what Korean Excel writes) when it is not valid UTF-8. */
async function readCsv(file: File): Promise<string> {
  const bytes = await file.arrayBuffer();
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('euc-kr').decode(bytes);
  }
}

/** A server problem path ("3행[0].departments", "1행", "csv") as row and column. */
function rowAndColumn(path: string): { row: string; column: string } {
  const hit = /^(\d+)행(?:\[\d+\])?\.?(.*)$/.exec(path);
  return hit ? { row: hit[1]!, column: hit[2] ?? '' } : { row: '', column: path };
}

const csvCell = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export default function ImportUsersPage() {
  const { m, format } = useI18n();
  const t = m.settings.import;
  const roleText = useRoleText();
  const run = useImportUsers();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [csv, setCsv] = useState<string | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<ImportResult | null>(null);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);

  const choose = (f: File | null) => {
    setFile(f);
    setCsv(null);
    setPreview(null);
    setDone(null);
    setFailure(null);
    setFileError(null);
  };

  const send = async (dryRun: boolean) => {
    setFailure(null);
    if (!file) return setFileError(t.noFile);
    let text = csv;
    if (text === null) {
      try {
        text = await readCsv(file);
        setCsv(text);
      } catch {
        return setFileError(t.unreadable);
      }
    }
    run.mutate(
      { csv: text, dryRun },
      {
        onSuccess: (r) => (dryRun ? setPreview(r) : (setDone(r), setPreview(null))),
        onError: (e) => {
          setPreview(null);
          setFailure(e);
        },
      },
    );
  };

  const problems = failure instanceof ApiError ? failure.details : [];
  const columnName = (c: string) => (t.fields as Record<string, string>)[c] ?? c;
  const passwordsCsv = done
    ? '\ufeffusername,display_name,temporary_password\n' +
      done.created.map((c) => [c.username, c.displayName, c.temporaryPassword].map(csvCell).join(',')).join('\n') +
      '\n'
    : '';

  return (
    <Page title={t.title} intro={t.intro}>
      <SettingsTabs />
      <Anchor component={Link} to="/settings/users">
        {t.back}
      </Anchor>

      <Section title={t.format} id="import-format">
        <Stack gap="xs">
          <Text size="sm" maw={820}>
            {t.formatBody}
          </Text>
          <TableFrame caption={t.formatCaption} minWidth={640}>
            <Table.Thead>
              <Table.Tr>
                <Th>{t.colColumn}</Th>
                <Th>{t.colRequired}</Th>
                <Th>{t.colMeaning}</Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {(
                [
                  ['아이디 / username', true, t.columns.username],
                  ['이름 / display_name', true, t.columns.displayName],
                  ['이메일 / email', false, t.columns.email],
                  ['역할 / role', true, t.columns.role],
                  ['부서 / departments', false, t.columns.departments],
                ] as const
              ).map(([col, req, meaning]) => (
                <Table.Tr key={col}>
                  <Table.Th scope="row">
                    <code>{col}</code>
                  </Table.Th>
                  <Table.Td>{req ? t.yes : t.no}</Table.Td>
                  <Table.Td>{meaning}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </TableFrame>
          <Anchor
            href={`data:text/csv;charset=utf-8,${encodeURIComponent(EXAMPLE)}`}
            download="users-example.csv"
            underline="always"
          >
            {t.example}
          </Anchor>
        </Stack>
      </Section>

      <Section title={t.file} id="import-file">
        <Stack gap="sm">
          <Group align="flex-end" gap="md" wrap="wrap">
            <FileInput
              label={t.file}
              description={t.fileHint}
              placeholder={t.filePlaceholder}
              accept=".csv,text/csv"
              value={file}
              onChange={choose}
              error={fileError}
              clearable
              clearButtonProps={{ 'aria-label': t.clearFile }}
              w={380}
              maw="100%"
              name="file"
            />
            <Button onClick={() => void send(true)} loading={run.isPending && !preview} disabled={!!done}>
              {t.check}
            </Button>
          </Group>

          {failure && problems.length === 0 ? (
            <Alert color="red" role="alert">
              {failure.message}
            </Alert>
          ) : null}
          {problems.length ? (
            <Stack gap="xs">
              <Alert color="red" role="alert" data-testid="import-problems">
                {failure?.message}
              </Alert>
              <TableFrame caption={format(t.problemsCaption, { n: problems.length })}>
                <Table.Thead>
                  <Table.Tr>
                    <Th num>{t.colRow}</Th>
                    <Th>{t.colField}</Th>
                    <Th>{t.colMessage}</Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {problems.map((p, i) => {
                    const { row, column } = rowAndColumn(p.path);
                    return (
                      <Table.Tr key={i} data-row={row}>
                        <Table.Th scope="row" className="num">
                          {row || m.common.dash}
                        </Table.Th>
                        <Table.Td>{column ? columnName(column) : row === '1' ? t.header : m.common.dash}</Table.Td>
                        <Table.Td>{p.message}</Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </TableFrame>
            </Stack>
          ) : null}

          {preview ? (
            <Stack gap="xs">
              <Alert color="green" role="status">
                {format(t.preview, { n: preview.accounts.length })}
              </Alert>
              <AccountsTable result={preview} caption={format(t.previewCaption, { n: preview.accounts.length })} />
              <Group>
                <Button onClick={() => void send(false)} loading={run.isPending}>
                  {format(t.run, { n: preview.accounts.length })}
                </Button>
              </Group>
            </Stack>
          ) : null}

          {done ? (
            <Stack gap="xs">
              <Alert color="green" role="status" data-testid="import-done">
                {format(t.done, { n: done.created.length })}
              </Alert>
              <Text size="sm" maw={820}>
                {t.passwordsNote}
              </Text>
              <TableFrame caption={format(t.passwordsCaption, { n: done.created.length })} minWidth={640}>
                <Table.Thead>
                  <Table.Tr>
                    <Th>{t.colUsername}</Th>
                    <Th>{t.colName}</Th>
                    <Th>{t.colRoles}</Th>
                    <Th>{t.colPassword}</Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {done.created.map((c) => {
                    const account = done.accounts.find((a) => a.username === c.username);
                    return (
                      <Table.Tr key={c.username}>
                        <Table.Th scope="row">
                          <Anchor component={Link} to={`/settings/users/${encodeURIComponent(c.username)}`}>
                            {c.username}
                          </Anchor>
                        </Table.Th>
                        <Table.Td>{c.displayName}</Table.Td>
                        <Table.Td>{account?.roles.map(roleText).join(', ')}</Table.Td>
                        <Table.Td>
                          <Group gap="xs">
                            <code>{c.temporaryPassword}</code>
                            <CopyPasswordButton value={c.temporaryPassword} what={c.username} />
                          </Group>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </TableFrame>
              <Anchor
                href={`data:text/csv;charset=utf-8,${encodeURIComponent(passwordsCsv)}`}
                download="temporary-passwords.csv"
                underline="always"
              >
                {t.downloadPasswords}
              </Anchor>
            </Stack>
          ) : null}
        </Stack>
      </Section>
    </Page>
  );
}

function AccountsTable({ result, caption }: { result: ImportResult; caption: string }) {
  const { m } = useI18n();
  const t = m.settings.import;
  const roleText = useRoleText();
  return (
    <TableFrame caption={caption} minWidth={640}>
      <Table.Thead>
        <Table.Tr>
          <Th>{t.colUsername}</Th>
          <Th>{t.colName}</Th>
          <Th>{t.colEmail}</Th>
          <Th>{t.colRoles}</Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {result.accounts.map((a) => (
          <Table.Tr key={a.username}>
            <Table.Th scope="row">{a.username}</Table.Th>
            <Table.Td>{a.displayName}</Table.Td>
            <Table.Td>{a.email || m.common.dash}</Table.Td>
            <Table.Td>{a.roles.map(roleText).join(', ')}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </TableFrame>
  );
}

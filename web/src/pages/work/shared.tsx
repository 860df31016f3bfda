/**
 * Pieces shared by the work screens (and the indicator page): the
 * evidence list (with deletion), the actual-value field, a result's comments, number parsing.
 */
import { useState } from 'react';
import { Alert, Anchor, Button, Group, List, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { ApiError } from '../../api/client';
import { useComment, useDeleteEvidence, type EvidenceView, type ResultDetail } from '../../api/results';
import { useI18n } from '../../i18n';
import { useHref } from '../../app/year';
import { periodLabel } from '../indicator-utils';

/** '' → null; a number → it; anything else → undefined (invalid). */
export function parseActual(s: string): number | null | undefined {
  const t = s.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** The entry page of one indicator, keeping the year of the address. */
export function useEntryHref() {
  const href = useHref();
  return (code: string, department: string, period: string) =>
    href(`/entry/${encodeURIComponent(code)}`, { department, period });
}

/** The Korean message of a failure: the server's, with its field details. */
export const errorText = (e: unknown) =>
  e instanceof ApiError ? [e.message, ...e.details.map((d) => d.message)].join(' ') : String(e);

/** A period key as people read it (2020-H2 → 2020년 하반기), in the chosen language. */
export function usePeriodLabel() {
  const { m } = useI18n();
  return (period: string) => periodLabel(period, m.periods);
}

/**
 * The evidence files of a result, each a download link; with `canDelete` (the result's
 * `uploadEvidence` ability: a draft of one's own department, as the server decides) each has a
 * 삭제 button that asks first, naming the file, and shows the server's message if refused.
 */
export function EvidenceList({ items, canDelete = false }: { items: EvidenceView[]; canDelete?: boolean }) {
  const { m, format } = useI18n();
  const w = m.work;
  const remove = useDeleteEvidence();
  const [asked, setAsked] = useState<EvidenceView | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const confirm = () => {
    if (!asked) return;
    const file = asked;
    remove.mutate(
      { id: file.id, fileName: file.fileName },
      {
        onSuccess: () => setMsg({ ok: true, text: format(w.evidenceDeleted, { name: file.fileName }) }),
        onError: (e) => setMsg({ ok: false, text: errorText(e) }),
        onSettled: () => setAsked(null),
      },
    );
  };
  return (
    <Stack gap="xs">
      {items.length === 0 ? (
        <Text c="dimmed">{w.noEvidence}</Text>
      ) : (
        <List>
          {items.map((e) => (
            <List.Item key={e.id}>
              <Anchor underline="always" href={e.downloadUrl} download={e.fileName}>
                {e.fileName}
              </Anchor>{' '}
              <Text span size="sm" c="dimmed">
                ({Math.ceil(e.size / 1024)} KB, {e.uploadedAt.slice(0, 16).replace('T', ' ')})
              </Text>
              {canDelete && (
                <>
                  {' '}
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    color="red"
                    aria-label={format(w.deleteEvidenceLabel, { name: e.fileName })}
                    onClick={() => {
                      setMsg(null);
                      setAsked(e);
                    }}
                  >
                    {w.deleteEvidence}
                  </Button>
                </>
              )}
            </List.Item>
          ))}
        </List>
      )}
      {msg && (
        <Alert color={msg.ok ? 'green' : 'red'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </Alert>
      )}
      <Modal
        opened={asked !== null}
        onClose={() => setAsked(null)}
        title={w.deleteEvidenceTitle}
        closeButtonProps={{ 'aria-label': w.close }}
      >
        <Text mb="md">{format(w.deleteEvidenceBody, { name: asked?.fileName ?? '' })}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={() => setAsked(null)}>
            {w.cancel}
          </Button>
          <Button color="red" loading={remove.isPending} onClick={confirm}>
            {w.deleteEvidence}
          </Button>
        </Group>
      </Modal>
    </Stack>
  );
}

/**
 * The actual (실적치) of a quantitative indicator: a decimal text field that says at once, when
 * left, that what was typed is not a number (entry form and whole-period table alike).
 */
export function ActualField({
  label,
  ariaLabel,
  value,
  onChange,
  error,
  onError,
  disabled,
}: {
  label?: string;
  ariaLabel?: string;
  value: string;
  onChange: (value: string) => void;
  error?: string;
  onError: (message: string) => void;
  disabled?: boolean;
}) {
  const { m } = useI18n();
  return (
    <TextInput
      label={label}
      aria-label={label ? undefined : ariaLabel}
      inputMode="decimal"
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      onBlur={() => {
        if (parseActual(value) === undefined) onError(m.work.actualInvalid);
      }}
      error={error}
      disabled={disabled}
    />
  );
}

/**
 * The comments of one result (from its timeline) and, when the server allows it, a field to add one.
 * `context` (e.g. "2020년 상반기 재무과") names the field and button where several results are shown.
 */
export function ResultComments({ d, context }: { d: ResultDetail; context?: string }) {
  const { m } = useI18n();
  const w = m.work;
  const comment = useComment();
  const [text, setText] = useState('');
  const [textError, setTextError] = useState<string | undefined>();
  const [failed, setFailed] = useState<string | null>(null);
  const comments = d.timeline.filter((t) => t.action === 'comment' || t.action.endsWith('.comment'));
  return (
    <Stack gap="sm" maw={640}>
      {comments.length === 0 && <Text c="dimmed">{w.noComments}</Text>}
      {comments.map((c, i) => (
        <Text key={i} style={{ whiteSpace: 'pre-wrap' }}>
          <strong>{c.actor.name}</strong> ({c.at.slice(0, 16).replace('T', ' ')}): {c.reason}
        </Text>
      ))}
      {d.abilities.comment && (
        <>
          <Textarea
            label={context ? `${context} ${w.commentText}` : w.commentText}
            value={text}
            onChange={(e) => {
              setText(e.currentTarget.value);
              setTextError(undefined);
            }}
            error={textError}
          />
          {failed && (
            <Alert color="red" role="alert">
              {failed}
            </Alert>
          )}
          <Group>
            <Button
              variant="default"
              loading={comment.isPending}
              aria-label={context ? `${context} ${w.addComment}` : undefined}
              onClick={() => {
                setFailed(null);
                if (!text.trim()) return setTextError(w.commentRequired);
                comment.mutate(
                  { id: d.result.id, text: text.trim() },
                  { onSuccess: () => setText(''), onError: (e) => setFailed(errorText(e)) },
                );
              }}
            >
              {w.addComment}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}

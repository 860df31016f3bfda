/** Pieces shared by the work screens: the unsaved-changes guard, the evidence list, number parsing. */
import { useEffect } from 'react';
import { useBlocker } from 'react-router';
import { Anchor, Button, Group, List, Modal, Text } from '@mantine/core';
import type { EvidenceView } from '../../api/results';
import { useI18n } from '../../i18n';

/** '' → null; a number → it; anything else → undefined (invalid). */
export function parseActual(s: string): number | null | undefined {
  const t = s.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : undefined;
}

/** Leaving the page (another route, closing the tab) while `dirty` asks first. */
export function UnsavedGuard({ dirty }: { dirty: boolean }) {
  const { m } = useI18n();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={m.work.unsavedTitle}
      withCloseButton={false}
    >
      <Text mb="md">{m.work.unsavedBody}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {m.work.stay}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {m.work.leave}
        </Button>
      </Group>
    </Modal>
  );
}

export function EvidenceList({ items }: { items: EvidenceView[] }) {
  const { m } = useI18n();
  if (items.length === 0) return <Text c="dimmed">{m.work.noEvidence}</Text>;
  return (
    <List>
      {items.map((e) => (
        <List.Item key={e.id}>
          <Anchor underline="always" href={e.downloadUrl} download={e.fileName}>
            {e.fileName}
          </Anchor>{' '}
          <Text span size="sm" c="dimmed">
            ({Math.ceil(e.size / 1024)} KB, {e.uploadedAt.slice(0, 16).replace('T', ' ')})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

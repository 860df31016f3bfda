/**
 * Unsaved changes: leaving the page (another route, reloading, closing the tab) while a form is
 * dirty asks first. `useLeaveGuard` is the rule (a router blocker for in-app navigation, the
 * browser's own prompt for the rest); `UnsavedGuard` is the rule with the standard dialog. A page
 * that already has its own "discard changes?" dialog (계획 관리, switching items) uses the hook and
 * shows its dialog for both.
 */
import { useEffect } from 'react';
import { useBlocker, type Blocker } from 'react-router';
import { Button, Group, Modal, Text } from '@mantine/core';
import { useI18n } from '../i18n';

export function useLeaveGuard(dirty: boolean): Blocker {
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);
  return blocker;
}

export function UnsavedGuard({ dirty }: { dirty: boolean }) {
  const { m } = useI18n();
  const blocker = useLeaveGuard(dirty);
  return (
    <Modal
      opened={blocker.state === 'blocked'}
      onClose={() => blocker.reset?.()}
      title={m.common.unsavedTitle}
      withCloseButton={false}
    >
      <Text mb="md">{m.common.unsavedBody}</Text>
      <Group justify="flex-end">
        <Button variant="default" onClick={() => blocker.reset?.()}>
          {m.common.stay}
        </Button>
        <Button color="red" onClick={() => blocker.proceed?.()}>
          {m.common.leave}
        </Button>
      </Group>
    </Modal>
  );
}

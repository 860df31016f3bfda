/**
 * Warns before the login session ends for inactivity and offers to extend it (KWCAG 2.2 2.2.1
 * 응답시간 조절 / WCAG 2.2.1 Timing Adjustable). The server resets the idle timer on every API
 * call; the client mirrors that with the time of its last call (api/client.ts).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { getLastActivity } from '../api/client';
import { useExtendSession, useSession } from '../api/session';
import { useI18n } from '../i18n';

const WARN_SECONDS = 120;

export function SessionWarning() {
  const { m, format } = useI18n();
  const session = useSession();
  const extend = useExtendSession();
  const [now, setNow] = useState(() => Date.now());
  const info = session.data?.session;
  const showing = (() => {
    if (!info || !session.data?.user) return null;
    const idleEnd = getLastActivity() + info.idleTimeoutSeconds * 1000;
    const end = Math.min(idleEnd, Date.parse(info.absoluteExpiresAt));
    return Math.round((end - now) / 1000);
  })();
  const warn = showing !== null && showing <= WARN_SECONDS;
  useEffect(() => {
    if (!info) return;
    const t = setInterval(() => setNow(Date.now()), warn ? 1000 : 15_000);
    return () => clearInterval(t);
  }, [info, warn]);
  if (!warn || showing === null) return null;
  if (showing <= 0) {
    return (
      <Alert color="red" className="session-warning" role="alert">
        <Group justify="space-between" gap="sm">
          <Text size="sm">{m.session.expired}</Text>
          <Button
            size="xs"
            component="a"
            href={`/login?next=${encodeURIComponent(location.pathname + location.search)}`}
          >
            {m.header.login}
          </Button>
        </Group>
      </Alert>
    );
  }
  const time = format(m.session.minutesSeconds, { m: Math.floor(showing / 60), s: showing % 60 });
  return (
    <Alert color="orange" className="session-warning" role="alert">
      <Group justify="space-between" gap="sm">
        <Text size="sm">{format(m.session.expiring, { time })}</Text>
        <Button size="xs" onClick={() => extend.mutate()} loading={extend.isPending}>
          {m.session.extend}
        </Button>
      </Group>
    </Alert>
  );
}

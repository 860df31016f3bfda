/**
 * The login page's "데모 계정으로 둘러보기": while the server runs with the demo, every role's account
 * one click away (it fills the form; the user still presses 로그인), the departments' head and staff
 * accounts by department. Renders nothing when the server offers no demo account (production, or
 * the demo accounts deactivated). GET /auth/demo-accounts (docs/security.md).
 */
import { useMemo, useState } from 'react';
import { Button, Group, NativeSelect, Paper, Stack, Text, Title } from '@mantine/core';
import { useDemoLogins, type DemoLogins as Logins } from '../api/session';
import { useI18n } from '../i18n';

type Account = Logins['accounts'][number];

export function DemoLogins({ onPick }: { onPick: (username: string, password: string | null) => void }) {
  const { m, format } = useI18n();
  const q = useDemoLogins();
  const password = q.data?.password ?? null;
  const { accounts, orgWide, byDepartment } = useMemo(() => {
    const all = q.data?.accounts ?? [];
    const map = new Map<string, Account[]>();
    for (const a of all) if (a.department) map.set(a.department, [...(map.get(a.department) ?? []), a]);
    return { accounts: all, orgWide: all.filter((a) => a.department === null), byDepartment: map };
  }, [q.data]);
  const departments = [...byDepartment.keys()];
  const [department, setDepartment] = useState<string | null>(null);
  const chosen = department ?? departments[0] ?? null;
  if (!accounts.length) return null;

  const pick = (a: Account) => (
    <Button key={a.username} variant="default" size="xs" onClick={() => onPick(a.username, password)}>
      {m.roles[a.role]} · {a.username}
    </Button>
  );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="demo-logins-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="demo-logins-title">
          {m.help.demo.title}
        </Title>
        <Text size="sm">{password ? format(m.help.demo.intro, { password }) : m.help.demo.introOwnPassword}</Text>
        <Group gap={6}>{orgWide.map(pick)}</Group>
        {chosen ? (
          <Stack gap={6}>
            <NativeSelect
              size="xs"
              label={m.help.demo.department}
              value={chosen}
              onChange={(e) => setDepartment(e.currentTarget.value)}
              data={departments}
            />
            <Group gap={6}>{(byDepartment.get(chosen) ?? []).map(pick)}</Group>
          </Stack>
        ) : null}
      </Stack>
    </Paper>
  );
}

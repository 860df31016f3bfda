/**
 * 도움말 (/help): what each role does, step by step, each step linking to its screen — the signed-in
 * user's own roles first. The content is pages/help/guide.ts with words from i18n/areas/help.ts.
 */
import { Link } from 'react-router';
import { Anchor, Badge, Divider, Text } from '@mantine/core';
import { useSession, type Role } from '../../api/session';
import { useHref, useYear } from '../../app/year';
import { Page, Section } from '../../components/Page';
import { useI18n } from '../../i18n';
import { GUIDE, ROLE_ORDER } from './guide';

function RoleGuide({ role, mine }: { role: Role; mine: boolean }) {
  const { m, format } = useI18n();
  const href = useHref();
  const name = m.roles[role];
  return (
    <Section
      id={`role-${role}`}
      title={format(m.help.stepsOf, { role: name })}
      actions={mine ? <Badge variant="light">{m.help.mine}</Badge> : undefined}
    >
      <Text size="sm" mb="xs">
        {m.help.roles[role]}
      </Text>
      <ol className="help-steps">
        {GUIDE[role].map((g, i) => (
          <li key={i}>
            <Text size="sm" component="span">
              {m.help.steps[g.step]}{' '}
            </Text>
            <Anchor
              component={Link}
              to={href(g.path)}
              size="sm"
              aria-label={format(m.help.open, { page: m.help.pages[g.page] })}
            >
              → {m.help.pages[g.page]}
            </Anchor>
          </li>
        ))}
      </ol>
    </Section>
  );
}

export default function HelpPage() {
  const { m, format } = useI18n();
  const { year } = useYear();
  const session = useSession();
  const mine = new Set((session.data?.user?.roles ?? []).map((r) => r.role));
  const own = ROLE_ORDER.filter((r) => mine.has(r));
  const others = ROLE_ORDER.filter((r) => !mine.has(r));
  return (
    <Page title={m.help.title} intro={m.help.intro}>
      {year ? (
        <Text size="sm" c="dimmed">
          {format(m.help.yearNote, { year })}
        </Text>
      ) : null}
      {own.map((r) => (
        <RoleGuide key={r} role={r} mine />
      ))}
      {own.length && others.length ? <Divider label={m.help.otherRoles} labelPosition="left" /> : null}
      {others.map((r) => (
        <RoleGuide key={r} role={r} mine={false} />
      ))}
    </Page>
  );
}

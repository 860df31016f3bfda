/**
 * The home dashboard's "what is due for me" card: for staff what is due, overdue and returned; for a
 * head what waits for approval; for the planner the verification queue and the current period's
 * completion. Renders nothing for users without results work (and never asks /inbox for them).
 */
import { Link } from 'react-router';
import { Anchor, Text } from '@mantine/core';
import { useInbox } from '../../api/results';
import { useAbilities } from '../../api/session';
import { WORK_ABILITIES } from '.';
import { usePeriodLabel } from './shared';
import { useHref, useYear } from '../../app/year';
import { Section } from '../../components/Page';
import { useI18n } from '../../i18n';

export function WorkHomeCard() {
  const { m, format, num } = useI18n();
  const { year } = useYear();
  const href = useHref();
  const { can } = useAbilities();
  const periodText = usePeriodLabel();
  const show = WORK_ABILITIES.some(can);
  const inbox = useInbox(year, show);
  if (!show || !inbox.data) return null;
  const { staff, head, planner } = inbox.data;
  const counts: { label: string; n: number; primary?: boolean }[] = [
    ...(staff
      ? [
          { label: m.work.overdue, n: staff.overdue.total, primary: staff.overdue.total > 0 },
          { label: m.work.returned, n: staff.returned.total, primary: staff.returned.total > 0 },
          { label: m.work.due, n: staff.due.total },
        ]
      : []),
    ...(head ? [{ label: m.work.awaiting, n: head.awaitingApproval.total, primary: true }] : []),
    ...(planner ? [{ label: m.work.queue, n: planner.verificationQueue.total, primary: true }] : []),
  ];
  return (
    <Section
      title={m.work.homeTitle}
      id="my-work"
      actions={
        <Anchor component={Link} to={href('/inbox')} size="sm">
          {m.work.homeOpen}
        </Anchor>
      }
    >
      <dl className="stat-row">
        {counts.map((c) => (
          <div key={c.label} className={`stat${c.primary ? ' primary' : ''}`}>
            <dt>{c.label}</dt>
            <dd>{format(m.work.homeCount, { n: num(c.n, 0) })}</dd>
          </div>
        ))}
      </dl>
      {planner?.overall.rate !== null && planner?.overall.rate !== undefined ? (
        <Text size="sm" mt="xs">
          {format(m.work.overall, { rate: format(m.common.percent, { value: num(planner.overall.rate, 1) }) })} (
          {planner.currentPeriods.map(periodText).join(', ')})
        </Text>
      ) : null}
    </Section>
  );
}

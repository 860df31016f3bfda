/**
 * 알림: reminders before a deadline and when it has passed, in the app (a row of `notifications`)
 * and by e-mail. Each person gets each reminder once per period: the row's unique key
 * (organization, person, "kind:plan:period") guarantees it even when several processes run this at
 * once — only a newly inserted row is e-mailed, after the commit.
 */
import type { Db } from '../../db/client.js';
import { appendAudit, type AuditActor } from '../../db/queries/audit.js';
import {
  insertNotificationOnce,
  listDepartmentPeople,
  listOpenPlans,
  listPlanIndicators,
  listResults,
  type PlanInfo,
} from '../../db/queries/results.js';
import { listOrganizations } from '../../db/queries/plan-document.js';
import type { Role } from '../../domain/policy.js';
import { seoulDate } from '../../domain/results/calendar.js';
import {
  classifyItems,
  expectedItems,
  itemKey,
  remindersDue,
  type ReminderDue,
} from '../../domain/results/expected.js';
import { authorizeCaller, Departments, planCalendar, type ResultsCaller } from '../results/context.js';
import type { Mailer } from './mailer.js';

const ROLES_OF: Record<ReminderDue['kind'], Role[]> = {
  due: ['department_staff'],
  overdue: ['department_staff', 'department_head'],
};

interface PersonReminder {
  userId: string;
  email: string;
  displayName: string;
  kind: ReminderDue['kind'];
  period: string;
  deadline: string;
  lines: string[];
}

export interface ReminderRun {
  plans: number;
  reminders: number;
  created: number;
  emailed: number;
  emailFailed: number;
  withoutEmail: number;
}

function message(r: PersonReminder, year: number) {
  const title =
    r.kind === 'due'
      ? `[실적 입력] ${r.period} 실적 입력기한은 ${r.deadline}입니다`
      : `[기한 경과] ${r.period} 실적 입력기한(${r.deadline})이 지났습니다`;
  const shown = r.lines.slice(0, 30);
  const body = [
    `${r.displayName}님,`,
    r.kind === 'due'
      ? `${year}년 시행계획의 ${r.period} 실적을 ${r.deadline}까지 입력·제출해 주세요. 기한을 넘기면 '실적 입력시기 미준수' 감점 사례가 됩니다.`
      : `${year}년 시행계획의 ${r.period} 실적 입력기한(${r.deadline})이 지났습니다. 아직 제출하지 않은 실적:`,
    ...shown.map((l) => `- ${l}`),
    ...(r.lines.length > shown.length ? [`외 ${r.lines.length - shown.length}건`] : []),
  ].join('\n');
  return { title, body };
}

async function planReminders(db: Db, plan: PlanInfo, now: Date): Promise<PersonReminder[]> {
  const org = plan.organizationId;
  const settings = planCalendar(plan);
  const today = seoulDate(now);
  const [depts, indicators, results] = await Promise.all([
    Departments.load(db, org),
    listPlanIndicators(db, org, plan.id),
    listResults(db, org, plan.id),
  ]);
  const indById = new Map(indicators.map((i) => [i.id, i]));
  const items = classifyItems(
    expectedItems(indicators, plan.year, depts.evaluatedIds()),
    new Map(results.map((r) => [itemKey(r), r])),
    settings,
    now,
    today,
  );
  const due = remindersDue(items, settings, today);
  if (due.length === 0) return [];
  const people = await listDepartmentPeople(
    db,
    org,
    [...new Set(due.map((d) => d.departmentId))],
    ['department_staff', 'department_head'],
  );
  const byPerson = new Map<string, PersonReminder>();
  for (const d of due) {
    for (const p of people.filter((x) => x.departmentId === d.departmentId && ROLES_OF[d.kind].includes(x.role))) {
      const key = `${p.userId}|${d.kind}|${d.period}`;
      let r = byPerson.get(key);
      if (!r)
        byPerson.set(
          key,
          (r = {
            userId: p.userId,
            email: p.email,
            displayName: p.displayName,
            kind: d.kind,
            period: d.period,
            deadline: d.deadline,
            lines: [],
          }),
        );
      for (const i of d.items) {
        const ind = indById.get(i.indicatorId);
        const line = `${ind?.code ?? ''} ${ind?.name ?? ''} (${depts.name(i.departmentId)})${i.state === 'returned' ? ' — 반려됨' : ''}`;
        if (!r.lines.includes(line)) r.lines.push(line);
      }
    }
  }
  return [...byPerson.values()];
}

/** Runs the reminders of every open plan (of the caller's organization, or of all for the system). */
export async function runReminders(
  db: Db,
  caller: ResultsCaller,
  opts: { mailer: Mailer; now?: Date; log?: (line: string) => void },
): Promise<ReminderRun> {
  authorizeCaller(caller, 'reminders.run');
  const now = opts.now ?? new Date();
  const orgIds = caller.principal ? [caller.principal.organizationId] : (await listOrganizations(db)).map((o) => o.id);
  const run: ReminderRun = { plans: 0, reminders: 0, created: 0, emailed: 0, emailFailed: 0, withoutEmail: 0 };
  for (const orgId of orgIds) {
    for (const plan of await listOpenPlans(db, orgId)) {
      run.plans++;
      const reminders = await planReminders(db, plan, now);
      run.reminders += reminders.length;
      if (reminders.length === 0) continue;
      const created = await db.transaction(async (tx) => {
        const out: { r: PersonReminder; title: string; body: string }[] = [];
        for (const r of reminders) {
          const m = message(r, plan.year);
          const row = await insertNotificationOnce(tx, {
            organizationId: orgId,
            userId: r.userId,
            kind: `reminder.${r.kind}`,
            key: `${r.kind}:${plan.id}:${r.period}`,
            title: m.title,
            body: m.body,
            createdAt: now,
          });
          if (row) out.push({ r, ...m });
        }
        if (out.length)
          await appendAudit(tx, orgId, caller.actor, {
            action: 'notifications.remind',
            entityType: 'plan',
            entityId: plan.id,
            subject: String(plan.year),
            after: {
              created: out.length,
              reminders: out.map((o) => ({ user: o.r.userId, kind: o.r.kind, period: o.r.period })),
            },
          });
        return out;
      });
      run.created += created.length;
      // E-mail after the commit: a failure leaves the in-app notification (and is not retried).
      for (const c of created) {
        if (!c.r.email) {
          run.withoutEmail++;
          continue;
        }
        try {
          await opts.mailer.send({ to: c.r.email, subject: c.title, text: c.body });
          run.emailed++;
        } catch (e) {
          run.emailFailed++;
          opts.log?.(`[bsc] 알림 메일을 보내지 못했습니다 (${c.r.email}): ${(e as Error).message}`);
        }
      }
    }
  }
  return run;
}

export const systemCaller = (what: string): ResultsCaller => ({
  actor: { id: null, name: `system:${what}`, ip: 'local' } satisfies AuditActor,
  principal: null,
});

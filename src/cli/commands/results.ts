/** `bsc reminders run`, `bsc results cutoff-check`, `bsc results calendar`: the scheduled work of the results workflow by hand. */
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { resolveCalendar, yearCalendar } from '../../domain/results/calendar.js';
import { cliActor, requirePlan } from '../../features/plans/context.js';
import { findPlanByYear } from '../../db/queries/results.js';
import { mailerFor } from '../../features/notifications/mailer.js';
import { runScheduledWork } from '../../features/notifications/scheduled.js';
import { runCutoffCheck } from '../../features/results/penalty-cases.js';
import { orgOf, yearArg } from '../shared.js';

export const remindersRunCommand: Command = {
  name: 'reminders run',
  usage: 'reminders run [--json]',
  description:
    '실적 입력 알림(기한 전·기한 경과)과 마감 점검을 지금 실행 (사람마다 기간마다 한 번; 서버가 주기적으로도 실행)',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' } } });
    const db = (await ctx.database()).db;
    const r = await runScheduledWork(
      db,
      mailerFor(ctx.config, (l) => ctx.io.err(l)),
      { log: (l) => ctx.io.err(l) },
    );
    if (values.json) ctx.io.out(JSON.stringify(r));
    else
      ctx.io.out(
        `알림 ${r.reminders.created}건 (메일 ${r.reminders.emailed}건, 실패 ${r.reminders.emailFailed}건, 메일 주소 없음 ${r.reminders.withoutEmail}건), 증빙자료 미제출 사례 ${r.missingEvidenceCases}건을 기록했습니다.`,
      );
    return r.reminders.emailFailed > 0 ? 1 : 0;
  },
};

export const cutoffCheckCommand: Command = {
  name: 'results cutoff-check',
  usage: 'results cutoff-check --year Y [--org CODE] [--json]',
  description: '마감 점검: 마감일 뒤 증빙자료 없는 실적을 증빙자료 미제출 사례로 기록 (여러 번 해도 한 번만)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { year: { type: 'string' }, org: { type: 'string' }, json: { type: 'boolean' } },
    });
    const { db, org } = await orgOf(ctx, values.org);
    const r = await runCutoffCheck(
      db,
      { actor: cliActor(), principal: null },
      { year: yearArg(values.year), organizationId: org.id },
    );
    if (values.json) ctx.io.out(JSON.stringify(r));
    else if (!r.afterCutoff)
      ctx.io.out(`${r.year}년 마감일(${r.cutoff})이 아직 지나지 않았습니다. 기록한 사례가 없습니다.`);
    else
      ctx.io.out(
        `${r.year}년 마감일 ${r.cutoff}: 증빙자료 미제출 사례 ${r.created.length}건을 새로 기록했습니다 (이미 있던 사례 ${r.existing}건).`,
      );
    return 0;
  },
};

export const calendarCommand: Command = {
  name: 'results calendar',
  usage: 'results calendar --year Y [--org CODE] [--json]',
  description: '실적 입력 일정: 기간별 입력기한과 마감일',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { year: { type: 'string' }, org: { type: 'string' }, json: { type: 'boolean' } },
    });
    const { db, org } = await orgOf(ctx, values.org);
    const y = yearArg(values.year);
    await requirePlan(db, org.id, y);
    const plan = (await findPlanByYear(db, org.id, y))!;
    const cal = yearCalendar(y, resolveCalendar(plan.calendar));
    if (values.json) {
      ctx.io.out(JSON.stringify(cal));
      return 0;
    }
    for (const p of cal.periods)
      ctx.io.out(`${p.period}\t${p.start}~${p.end}\t입력기한 ${p.deadline}${p.overridden ? ' (지정)' : ''}`);
    ctx.io.out(`마감일(평가 반영) ${cal.cutoff}`);
    return 0;
  },
};

export const resultsCommands: Command[] = [calendarCommand, cutoffCheckCommand, remindersRunCommand];

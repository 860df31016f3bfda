/** `bsc audit …`: verify the hash chain (exit 1 on any problem), list records, purge past retention. */
import { parseArgs } from 'node:util';
import type { Command } from '../command.js';
import { cliActor, resolveOrganization } from '../../features/plans/context.js';
import { verifyAuditTrail } from '../../features/audit/verify-audit.js';
import { purgeAuditTrail } from '../../features/audit/purge-audit.js';
import { listAuditTrail } from '../../features/audit/list-audit.js';
import { validationError } from '../../domain/errors.js';
import { orgOf } from '../shared.js';

export const auditVerifyCommand: Command = {
  name: 'audit verify',
  usage: 'audit verify [--json] [--org CODE]',
  description: '감사 기록 해시 체인 검증: 변경·삭제·삽입된 기록을 찾음 (문제가 있으면 종료 코드 1)',
  async run(ctx) {
    const { values } = parseArgs({ args: ctx.args, options: { json: { type: 'boolean' }, org: { type: 'string' } } });
    const db = (await ctx.database()).db;
    const orgId = values.org ? (await resolveOrganization(db, values.org)).id : undefined;
    const r = await verifyAuditTrail(db, orgId);
    if (values.json) ctx.io.out(JSON.stringify(r, null, 2));
    else
      for (const c of r.chains) {
        ctx.io.out(
          `${c.organization}: 기록 ${c.rows}건 (${c.firstSeq ?? '-'}–${c.lastSeq ?? '-'})${c.anchor ? `, 보존 기한 삭제 뒤 ${c.anchor.firstSeq}번부터` : ''} — ${c.problems.length ? `문제 ${c.problems.length}건` : '이상 없음'}`,
        );
        for (const p of c.problems) ctx.io.out(`  ${p.kind}\t${p.seq}\t${p.message}`);
        if (c.headHash) ctx.io.out(`  마지막 기록의 해시 (따로 보관하면 끝부분 삭제도 찾을 수 있음): ${c.headHash}`);
      }
    return r.ok ? 0 : 1;
  },
};

export const auditListCommand: Command = {
  name: 'audit list',
  usage:
    'audit list [--action A|auth.] [--category access|change|rights] [--actor U] [--from ISO] [--to ISO] [--limit N] [--json] [--org CODE]',
  description: '감사 기록·접속기록 보기 (최근 것부터)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: {
        action: { type: 'string' },
        category: { type: 'string' },
        actor: { type: 'string' },
        from: { type: 'string' },
        to: { type: 'string' },
        limit: { type: 'string' },
        json: { type: 'boolean' },
        org: { type: 'string' },
      },
    });
    if (values.category && !['access', 'change', 'rights'].includes(values.category))
      throw validationError('--category 는 access, change, rights 중 하나입니다.', [
        { path: '--category', message: '알 수 없는 분류' },
      ]);
    const date = (v: string | undefined, flag: string) => {
      if (!v) return undefined;
      const d = new Date(v);
      if (Number.isNaN(d.getTime()))
        throw validationError(`${flag} 날짜가 올바르지 않습니다: ${v}`, [{ path: flag, message: '날짜 형식' }]);
      return d;
    };
    const { db, org } = await orgOf(ctx, values.org);
    const r = await listAuditTrail(
      db,
      org.id,
      null,
      {
        action: values.action,
        category: values.category as 'access' | 'change' | 'rights' | undefined,
        actor: values.actor,
        from: date(values.from, '--from'),
        to: date(values.to, '--to'),
      },
      { limit: Math.min(10_000, Math.max(1, Number(values.limit ?? 50) || 50)), offset: 0 },
    );
    if (values.json) ctx.io.out(JSON.stringify(r.entries));
    else {
      for (const e of r.entries)
        ctx.io.out(`${e.seq}\t${e.at}\t${e.category}\t${e.action}\t${e.actorName}\t${e.ip}\t${e.subject}`);
      ctx.io.err(`\n${r.entries.length}건 / 전체 ${r.total}건`);
    }
    return 0;
  },
};

export const auditPurgeCommand: Command = {
  name: 'audit purge',
  usage: 'audit purge [--dry-run] [--org CODE]',
  description:
    '보존 기한이 지난 감사 기록 삭제 (접속기록 BSC_AUDIT_RETENTION_YEARS, 권한·변경 BSC_AUDIT_RIGHTS_RETENTION_YEARS)',
  async run(ctx) {
    const { values } = parseArgs({
      args: ctx.args,
      options: { 'dry-run': { type: 'boolean' }, org: { type: 'string' } },
    });
    const { db, org } = await orgOf(ctx, values.org);
    const r = await purgeAuditTrail(
      db,
      org.id,
      cliActor(),
      { accessYears: ctx.config.BSC_AUDIT_RETENTION_YEARS, rightsYears: ctx.config.BSC_AUDIT_RIGHTS_RETENTION_YEARS },
      { dryRun: values['dry-run'] },
    );
    ctx.io.out(
      `${values['dry-run'] ? '(시험) ' : ''}삭제 ${r.purged}건 — 접속기록은 ${r.cutoffs.access.slice(0, 10)} 이전, 권한·변경 기록은 ${r.cutoffs.other.slice(0, 10)} 이전${r.firstSeq ? `; 이제 ${r.firstSeq}번부터` : ''}`,
    );
    return 0;
  },
};

export const auditCommands: Command[] = [auditVerifyCommand, auditListCommand, auditPurgeCommand];

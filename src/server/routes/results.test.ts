/**
 * The results workflow through the HTTP API (PGlite, or PostgreSQL with TEST_DATABASE_URL): entry,
 * the stale-edit 409, submit → approve → verify with returns and the timeline, fifty simultaneous
 * approvals, evidence type checks by content (EXE named .pdf, zip bomb), downloads scoped by
 * department and audited, late-entry and missing-evidence cases, a waiver, bulk entry all-or-nothing,
 * inboxes and reminders sent once.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { and, eq, sql } from 'drizzle-orm';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { countAudit, readAuditChain } from '../../db/queries/audit.js';
import { countNotifications } from '../../db/queries/results.js';
import { evidence, penaltyCases, resultEvents, results, users } from '../../db/schema.js';
import { TEST_PASSWORD } from '../../features/accounts/testing.js';
import { FUTURE_YEAR, PAST_YEAR, seedResultsOrganization } from '../../features/results/testing.js';
import { memoryMailer } from '../../features/notifications/mailer.js';
import { setVirusScanner } from '../../features/evidence/scanner.js';
import { runReminders, systemCaller } from '../../features/notifications/run-reminders.js';
import { runScheduledWork } from '../../features/notifications/scheduled.js';
import { DEFAULT_CALENDAR, addDays, periodDeadline } from '../../domain/results/calendar.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
let dataDir: string;
let org: { organizationId: string; departments: Record<string, string> };
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  org = await seedResultsOrganization(database.db);
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-results-test-'));
  app = await testApp(database, {
    BSC_DATA_DIR: dataDir,
    BSC_EVIDENCE_MAX_BYTES: String(2 * 1024 * 1024),
    BSC_EVIDENCE_ZIP_MAX_ENTRIES: '100',
    BSC_EVIDENCE_ZIP_MAX_EXPANDED_BYTES: String(1024 * 1024),
  });
  for (const u of ['staff1', 'staff1b', 'head1', 'staff2', 'head2', 'staff3', 'planner1', 'viewer1'])
    s[u] = await loginAs(app, u, TEST_PASSWORD);
});
afterAll(async () => {
  await app?.close();
  await database?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

const db = () => database.db;
const api = (who: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
  call(app, s[who]!, method, `/api/v1${url}`, payload);

function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----bsc${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
const upload = (who: string, resultId: string, fileName: string, bytes: Buffer) => {
  const m = multipart(fileName, bytes);
  return app.inject({
    method: 'POST',
    url: `/api/v1/results/${resultId}/evidence`,
    headers: { cookie: s[who]!.cookie, 'x-csrf-token': s[who]!.csrf, 'content-type': m.contentType },
    payload: m.payload,
  });
};
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(300, 0x90)]);
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

async function createResult(who: string, body: Record<string, unknown>, year = FUTURE_YEAR) {
  const r = await api(who, 'POST', `/plans/${year}/results`, body);
  expect(r.statusCode, r.body).toBe(201);
  return r.json() as { id: string; version: number; status: string };
}
async function rowOf(id: string) {
  const [r] = await db().select().from(results).where(eq(results.id, id));
  return r!;
}
const filesIn = (dir: string): string[] =>
  fs.existsSync(dir)
    ? fs
        .readdirSync(dir, { withFileTypes: true })
        .flatMap((e) => (e.isDirectory() ? filesIn(path.join(dir, e.name)) : [e.name]))
    : [];

describe('entry and the workflow', () => {
  it('draft → submitted → approved → verified, with returns, comments and the whole timeline', async () => {
    const r = await createResult('staff1', {
      indicator: 'I001',
      department: '교통과',
      period: `${FUTURE_YEAR}-Q1`,
      actual: 30,
      comment: '1분기',
    });
    expect(r).toMatchObject({ status: 'draft', version: 1 });

    const saved = await api('staff1', 'PATCH', `/results/${r.id}`, {
      version: 1,
      actual: 27,
      comment: '<b>수정</b> 1분기',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ actual: 27, version: 2, comment: '<b>수정</b> 1분기' });

    expect((await upload('staff1', r.id, '1분기 실적 보고.pdf', PDF)).statusCode).toBe(201);

    // Staff cannot approve; submit; the submitter (even a head) cannot approve their own submission.
    expect((await api('staff1', 'POST', `/results/${r.id}/approve`, {})).statusCode).toBe(403);
    const sub = await api('staff1', 'POST', `/results/${r.id}/submit`, { version: 2 });
    expect(sub.statusCode, sub.body).toBe(200);
    expect(sub.json()).toMatchObject({ result: { status: 'submitted' }, lateEntryCase: null });
    expect((await api('staff1', 'PATCH', `/results/${r.id}`, { version: 3, actual: 1 })).statusCode).toBe(409);

    // The head returns it with a reason; staff fixes and resubmits.
    expect((await api('head1', 'POST', `/results/${r.id}/return`, { reason: '  ' })).json().error.details[0].path).toBe(
      'reason',
    );
    const ret = await api('head1', 'POST', `/results/${r.id}/return`, { reason: '근거 자료를 확인하세요' });
    expect(ret.statusCode, ret.body).toBe(200);
    expect(ret.json().result.status).toBe('draft');
    expect((await api('staff1', 'PATCH', `/results/${r.id}`, { version: 4, actual: 28 })).statusCode).toBe(200);
    expect((await api('staff1b', 'POST', `/results/${r.id}/submit`, {})).statusCode).toBe(200);

    // Another department's head may not approve; the own head approves; the planner verifies.
    expect((await api('head2', 'POST', `/results/${r.id}/approve`, {})).statusCode).toBe(403);
    const ap = await api('head1', 'POST', `/results/${r.id}/approve`, {});
    expect(ap.statusCode, ap.body).toBe(200);
    expect(
      (
        await api('staff1', 'POST', `/results/${r.id}/comments`, {
          text: '<script>alert(1)</script> 확인 부탁드립니다',
        })
      ).statusCode,
    ).toBe(201);
    const ver = await api('planner1', 'POST', `/results/${r.id}/verify`, {});
    expect(ver.statusCode, ver.body).toBe(200);
    expect(ver.json().result).toMatchObject({ status: 'verified', actual: 28 });

    const detail = await api('viewer1', 'GET', `/results/${r.id}`);
    expect(detail.statusCode, detail.body).toBe(200);
    const d = detail.json();
    expect(d.timeline.map((e: { action: string }) => e.action)).toEqual([
      'created',
      'saved',
      'evidence_added',
      'submitted',
      'returned',
      'saved',
      'submitted',
      'approved',
      'comment',
      'verified',
    ]);
    expect(d.timeline[1].before).toMatchObject({ actual: 30, comment: '1분기' });
    expect(d.timeline[4]).toMatchObject({
      reason: '근거 자료를 확인하세요',
      fromStatus: 'submitted',
      toStatus: 'draft',
    });
    expect(d.timeline[8].reason).toBe('<script>alert(1)</script> 확인 부탁드립니다');
    expect(d.late).toBe(false);
    expect(d.evidence).toHaveLength(1);
    expect(d.abilities).toMatchObject({ approve: false, verify: false, edit: false });

    // Staff of another department cannot see it.
    expect((await api('staff2', 'GET', `/results/${r.id}`)).statusCode).toBe(403);
    const audit = await readAuditChain(db(), org.organizationId);
    for (const a of [
      'result.create',
      'result.update',
      'result.submit',
      'result.return',
      'result.approve',
      'result.verify',
      'result.comment',
    ])
      expect(audit.some((x) => x.action === a && x.entityId === r.id)).toBe(true);
  });

  it('refuses a stale edit with 409 and the current value, and overwrites nothing', async () => {
    const r = await createResult('staff1', {
      indicator: 'I001',
      department: '교통과',
      period: `${FUTURE_YEAR}-Q2`,
      actual: 10,
    });
    const a = await api('staff1', 'PATCH', `/results/${r.id}`, { version: 1, actual: 11 });
    expect(a.statusCode).toBe(200);
    const b = await api('staff1b', 'PATCH', `/results/${r.id}`, { version: 1, actual: 99, comment: '덮어쓰기' });
    expect(b.statusCode).toBe(409);
    expect(b.json().error).toMatchObject({ code: 'stale_version', current: { actual: 11, version: 2 } });
    expect(b.json().error.message).toMatch(/[가-힣]/);
    expect(await rowOf(r.id)).toMatchObject({ actual: 11, version: 2, comment: '' });
  });

  it('bad input: a Korean message naming the field, 4xx, nothing changed', async () => {
    const before = await countAudit(db(), org.organizationId);
    const wrongPeriod = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results`, {
      indicator: 'I001',
      department: '교통과',
      period: `${FUTURE_YEAR}-M01`,
    });
    expect(wrongPeriod.statusCode).toBe(400);
    expect(wrongPeriod.json().error.details).toEqual([
      expect.objectContaining({ path: 'period', message: expect.stringMatching(/분기별/) }),
    ]);
    const notNumber = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results`, {
      indicator: 'I001',
      department: '교통과',
      period: `${FUTURE_YEAR}-Q3`,
      actual: '많음',
    });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().error.details[0].path).toBe('actual');
    const badMilestone = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results`, {
      indicator: 'I002',
      department: '교통과',
      period: String(FUTURE_YEAR),
      milestonesDone: ['없는 단계'],
    });
    expect(badMilestone.json().error.details[0]).toMatchObject({
      path: 'milestonesDone',
      message: expect.stringMatching(/없는 마일스톤/),
    });
    const otherDept = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results`, {
      indicator: 'I001',
      department: '보건소',
      period: `${FUTURE_YEAR}-Q3`,
    });
    expect(otherDept.statusCode).toBe(403);
    const extra = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results`, {
      indicator: 'I001',
      department: '교통과',
      period: `${FUTURE_YEAR}-Q3`,
      status: 'verified',
    });
    expect(extra.statusCode).toBe(400);
    expect(await countAudit(db(), org.organizationId)).toBe(before);
  });

  it('fifty simultaneous approvals change the result once', async () => {
    const r = await createResult('staff1', {
      indicator: 'I001',
      department: '교통과',
      period: `${FUTURE_YEAR}-Q4`,
      actual: 5,
    });
    expect((await api('staff1', 'POST', `/results/${r.id}/submit`, {})).statusCode).toBe(200);
    const auditBefore = await countAudit(db(), org.organizationId, 'result.approve');
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => api('head1', 'POST', `/results/${r.id}/approve`, {})),
    );
    const codes = replies.map((x) => x.statusCode);
    expect(codes.filter((c) => c === 200)).toHaveLength(1);
    expect(codes.filter((c) => c === 409)).toHaveLength(49);
    expect(replies.find((x) => x.statusCode === 409)!.json().error.current).toMatchObject({ status: 'approved' });
    const row = await rowOf(r.id);
    expect(row).toMatchObject({ status: 'approved', version: 3 });
    const approvals = await db()
      .select({ n: sql<number>`count(*)::int` })
      .from(resultEvents)
      .where(and(eq(resultEvents.resultId, r.id), eq(resultEvents.action, 'approved')));
    expect(approvals[0]!.n).toBe(1);
    expect(await countAudit(db(), org.organizationId, 'result.approve')).toBe(auditBefore + 1);
  });

  it('derives the convergence lead result from the contributions', async () => {
    const period = `${FUTURE_YEAR}-Q1`;
    const lead = await createResult('staff3', { indicator: 'C001', department: '기획예산과', period, actual: 4 });
    const c1 = await createResult('staff1', { indicator: 'C001', department: '교통과', period, actual: 3 });
    const c2 = await createResult('staff2', { indicator: 'C001', department: '보건소', period, actual: 2 });
    for (const [who, id] of [
      ['staff3', lead.id],
      ['staff1', c1.id],
      ['staff2', c2.id],
    ] as const)
      expect((await api(who, 'POST', `/results/${id}/submit`, {})).statusCode).toBe(200);
    const d = (await api('staff3', 'GET', `/results/${lead.id}`)).json();
    expect(d.convergence).toMatchObject({ rule: 'sum', value: 9, missingContributors: [] });
    // Common indicator: each department its own instance.
    await createResult('staff2', { indicator: 'K001', department: '보건소', period: `${FUTURE_YEAR}-H1`, actual: 90 });
    await createResult('staff1', { indicator: 'K001', department: '교통과', period: `${FUTURE_YEAR}-H1`, actual: 80 });
  });
});

describe('evidence', () => {
  let resultId: string;
  beforeAll(async () => {
    resultId = (
      await createResult('staff1', {
        indicator: 'I002',
        department: '교통과',
        period: String(FUTURE_YEAR),
        milestonesDone: ['설계'],
      })
    ).id;
  });
  const evidenceCount = async () => (await db().select().from(evidence).where(eq(evidence.resultId, resultId))).length;

  it('refuses an EXE named .pdf and a PNG named .pdf, storing nothing', async () => {
    const filesBefore = filesIn(path.join(dataDir, 'evidence')).length;
    const exe = await upload('staff1', resultId, '실적보고.pdf', EXE);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error).toMatchObject({ code: 'executable', details: [{ path: 'file' }] });
    expect(exe.json().error.message).toMatch(/실행 파일/);
    const png = await upload('staff1', resultId, '사진.pdf', PNG);
    expect(png.statusCode).toBe(400);
    expect(png.json().error.code).toBe('type_mismatch');
    const txt = await upload('staff1', resultId, 'memo.txt', Buffer.from('hello'));
    expect(txt.json().error.code).toBe('type_not_allowed');
    expect(await evidenceCount()).toBe(0);
    expect(filesIn(path.join(dataDir, 'evidence')).length).toBe(filesBefore);
  });

  it('refuses a zip bomb (expanded size) and a zip with too many entries', async () => {
    const bomb = new JSZip();
    bomb.file('[Content_Types].xml', '<Types/>');
    bomb.file('word/document.xml', Buffer.alloc(5 * 1024 * 1024, 0x20));
    const bytes = await bomb.generateAsync({
      type: 'nodebuffer',
      compression: 'DEFLATE',
      compressionOptions: { level: 9 },
    });
    expect(bytes.length).toBeLessThan(100 * 1024);
    const r = await upload('staff1', resultId, '보고서.docx', bytes);
    expect(r.statusCode).toBe(400);
    expect(r.json().error.code).toBe('zip_too_large');

    const many = new JSZip();
    for (let i = 0; i < 150; i++) many.file(`f${i}.txt`, 'x');
    const r2 = await upload('staff1', resultId, '묶음.zip', await many.generateAsync({ type: 'nodebuffer' }));
    expect(r2.json().error.code).toBe('zip_too_many_entries');
    expect(await evidenceCount()).toBe(0);
  });

  it('accepts real office files by content, keeps the Korean name as data, stores by hash outside the web root', async () => {
    const docx = new JSZip();
    docx.file('[Content_Types].xml', '<Types/>');
    docx.file('word/document.xml', '<w:document/>');
    const up = await upload(
      'staff1',
      resultId,
      '../../etc/2020 실적(최종).docx',
      await docx.generateAsync({ type: 'nodebuffer' }),
    );
    expect(up.statusCode, up.body).toBe(201);
    const ev = up.json();
    expect(ev).toMatchObject({
      fileName: '2020 실적(최종).docx',
      mediaType: expect.stringContaining('wordprocessingml'),
    });
    const stored = filesIn(path.join(dataDir, 'evidence'));
    expect(stored).toContain(ev.contentHash);
    expect(stored.some((f) => f.includes('실적'))).toBe(false);

    const before = await countAudit(db(), org.organizationId, 'evidence.download');
    const dl = await api('head1', 'GET', `/evidence/${ev.id}/download`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="2020 __(__).docx"; filename*=UTF-8''2020%20%EC%8B%A4%EC%A0%81%28%EC%B5%9C%EC%A2%85%29.docx`,
    );
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.length).toBe(ev.size);
    expect((await api('planner1', 'GET', `/evidence/${ev.id}/download`)).statusCode).toBe(200);
    expect(await countAudit(db(), org.organizationId, 'evidence.download')).toBe(before + 2);
    const access = (await readAuditChain(db(), org.organizationId)).filter((a) => a.action === 'evidence.download');
    expect(access.every((a) => a.category === 'access' && a.subject === '교통과')).toBe(true);
  });

  it('refuses a download by another department (and records nothing)', async () => {
    const [ev] = await db().select().from(evidence).where(eq(evidence.resultId, resultId));
    const before = await countAudit(db(), org.organizationId, 'evidence.download');
    const r = await api('staff2', 'GET', `/evidence/${ev!.id}/download`);
    expect(r.statusCode).toBe(403);
    expect(r.json().error.message).toMatch(/다른 부서/);
    expect((await api('head2', 'GET', `/evidence/${ev!.id}/download`)).statusCode).toBe(403);
    expect(await countAudit(db(), org.organizationId, 'evidence.download')).toBe(before);
  });

  it('refuses a file over the size limit and one the virus scanner flags, storing nothing', async () => {
    const filesBefore = filesIn(path.join(dataDir, 'evidence')).length;
    const big = await upload(
      'staff1',
      resultId,
      '큰 파일.pdf',
      Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024, 0x20)]),
    );
    expect([400, 413]).toContain(big.statusCode);
    expect(big.json().error.message).toMatch(/너무 큽니다/);
    setVirusScanner({
      name: 'test',
      scan: async (b) => (b.includes('EICAR') ? { clean: false, threat: 'EICAR-Test-File' } : { clean: true }),
    });
    try {
      const infected = await upload('staff1', resultId, '감염.pdf', Buffer.concat([PDF, Buffer.from('EICAR')]));
      expect(infected.statusCode).toBe(400);
      expect(infected.json().error).toMatchObject({
        code: 'virus_found',
        message: expect.stringMatching(/악성 코드.*EICAR-Test-File/),
      });
    } finally {
      setVirusScanner(null);
    }
    expect(filesIn(path.join(dataDir, 'evidence')).length).toBe(filesBefore);
  });

  it('refuses uploads to a submitted result', async () => {
    expect((await api('staff1', 'POST', `/results/${resultId}/submit`, {})).statusCode).toBe(200);
    const r = await upload('staff1', resultId, '추가.pdf', PDF);
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('result_not_editable');
    const list = await api('head1', 'GET', `/plans/${FUTURE_YEAR}/results?indicator=I002`);
    expect(list.json().results).toEqual([
      expect.objectContaining({ id: resultId, status: 'submitted', evidenceCount: 1 }),
    ]);
    expect(
      (await api('staff2', 'GET', `/plans/${FUTURE_YEAR}/results?department=${encodeURIComponent('교통과')}`))
        .statusCode,
    ).toBe(403);
    expect((await api('staff2', 'GET', `/plans/${FUTURE_YEAR}/results?indicator=I002`)).json().results).toEqual([]);
  });
});

describe('penalty cases', () => {
  it('a result first submitted after its deadline is a late-entry case; re-submission after a return adds none', async () => {
    const r = await createResult(
      'staff1',
      { indicator: 'I001', department: '교통과', period: `${PAST_YEAR}-Q1`, actual: 20 },
      PAST_YEAR,
    );
    const sub = await api('staff1', 'POST', `/results/${r.id}/submit`, {});
    expect(sub.statusCode).toBe(200);
    expect(sub.json().lateEntryCase.detail).toMatch(/2020-04-07 이후 최초 제출/);
    expect((await api('head1', 'POST', `/results/${r.id}/return`, { reason: '다시' })).statusCode).toBe(200);
    expect((await api('staff1', 'POST', `/results/${r.id}/submit`, {})).json().lateEntryCase).toBeNull();
    const list = (await api('head1', 'GET', `/plans/${PAST_YEAR}/penalty-cases?kind=late_entry`)).json();
    expect(list.cases.filter((c: { resultId: string }) => c.resultId === r.id)).toHaveLength(1);
    expect((await api('head1', 'GET', `/results/${r.id}`)).json().late).toBe(true);
  });

  it('the cut-off check records a missing-evidence case once per result without evidence', async () => {
    const withEv = await createResult(
      'staff1',
      { indicator: 'I001', department: '교통과', period: `${PAST_YEAR}-Q2`, actual: 20 },
      PAST_YEAR,
    );
    expect((await upload('staff1', withEv.id, '증빙.pdf', PDF)).statusCode).toBe(201);
    const without = await createResult(
      'staff2',
      { indicator: 'K001', department: '보건소', period: `${PAST_YEAR}-H1`, actual: 70 },
      PAST_YEAR,
    );
    for (const [who, id] of [
      ['staff1', withEv.id],
      ['staff2', without.id],
    ] as const)
      expect((await api(who, 'POST', `/results/${id}/submit`, {})).statusCode).toBe(200);
    expect((await api('staff1', 'POST', `/plans/${PAST_YEAR}/cutoff-check`, {})).statusCode).toBe(403);
    const first = await api('planner1', 'POST', `/plans/${PAST_YEAR}/cutoff-check`, {});
    expect(first.statusCode, first.body).toBe(200);
    const ids = first.json().created.map((c: { resultId: string }) => c.resultId);
    expect(ids).toContain(without.id);
    expect(ids).not.toContain(withEv.id);
    // The imported result already has an imported case (named by indicator, department, period).
    const [imported] = await db()
      .select()
      .from(results)
      .where(and(eq(results.period, `${PAST_YEAR}-Q4`), eq(results.status, 'verified')));
    expect(ids).not.toContain(imported!.id);
    const again = await api('planner1', 'POST', `/plans/${PAST_YEAR}/cutoff-check`, {});
    expect(again.json().created).toEqual([]);
    expect(again.json().existing).toBe(first.json().existing + first.json().created.length);
    const cases = await db()
      .select()
      .from(penaltyCases)
      .where(and(eq(penaltyCases.resultId, without.id), eq(penaltyCases.kind, 'missing_evidence')));
    expect(cases).toHaveLength(1);
    // Before the cut-off (the future year) nothing is recorded.
    expect((await api('planner1', 'POST', `/plans/${FUTURE_YEAR}/cutoff-check`, {})).json()).toMatchObject({
      afterCutoff: false,
      created: [],
    });
  });

  it('the planner waives a case with a reason (audited, once); others cannot', async () => {
    const [c] = await db().select().from(penaltyCases).where(eq(penaltyCases.kind, 'missing_evidence')).limit(1);
    expect((await api('head2', 'POST', `/penalty-cases/${c!.id}/waive`, { reason: '제 부서입니다' })).statusCode).toBe(
      403,
    );
    const empty = await api('planner1', 'POST', `/penalty-cases/${c!.id}/waive`, { reason: '' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.details[0].path).toBe('reason');
    const before = await countAudit(db(), org.organizationId, 'penalty.waive');
    const w = await api('planner1', 'POST', `/penalty-cases/${c!.id}/waive`, {
      reason: '시스템 장애로 제출 불가(증빙 확인함)',
    });
    expect(w.statusCode, w.body).toBe(200);
    expect(w.json()).toMatchObject({ waived: true, waivedReason: '시스템 장애로 제출 불가(증빙 확인함)' });
    expect((await api('planner1', 'POST', `/penalty-cases/${c!.id}/waive`, { reason: '또' })).statusCode).toBe(409);
    expect(await countAudit(db(), org.organizationId, 'penalty.waive')).toBe(before + 1);
    const list = (await api('planner1', 'GET', `/plans/${PAST_YEAR}/penalty-cases`)).json();
    expect(list.counts.waived).toBe(1);
  });
});

describe('bulk entry', () => {
  it('a bad row changes nothing and every problem names its row and field', async () => {
    const count = async () =>
      (
        await db()
          .select({ n: sql<number>`count(*)::int` })
          .from(results)
      )[0]!.n;
    const before = { results: await count(), audit: await countAudit(db(), org.organizationId) };
    const bad = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results/bulk`, {
      department: '교통과',
      period: `${FUTURE_YEAR}-Q3`,
      rows: [
        { indicator: 'I001', actual: 12 },
        { indicator: 'I999', actual: 1 },
        { indicator: 'I002', period: String(FUTURE_YEAR), milestonesDone: ['준공', '없는 단계'] },
        { indicator: 'C001', actual: 3, comment: 'ok' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    const details = bad.json().error.details as { path: string; message: string }[];
    expect(details.map((d) => d.path)).toEqual(['rows[1].indicator', 'rows[2].milestonesDone', 'rows[2].indicator']);
    expect(details[0]!.message).toMatch(/^2번째 행: .*I999/);
    expect(await count()).toBe(before.results);
    expect(await countAudit(db(), org.organizationId)).toBe(before.audit);
  });

  it('gives the entry sheet of a department and period (indicators it reports, current results)', async () => {
    const sheet = await api(
      'staff1',
      'GET',
      `/plans/${FUTURE_YEAR}/entry-sheet?department=${encodeURIComponent('교통과')}&period=${FUTURE_YEAR}-Q3`,
    );
    expect(sheet.statusCode, sheet.body).toBe(200);
    expect(
      sheet
        .json()
        .rows.map((r: { indicator: { code: string; role: string } }) => `${r.indicator.code}:${r.indicator.role}`),
    ).toEqual(['I001:owner', 'C001:participant']);
    expect(
      (
        await api(
          'staff2',
          'GET',
          `/plans/${FUTURE_YEAR}/entry-sheet?department=${encodeURIComponent('교통과')}&period=${FUTURE_YEAR}-Q3`,
        )
      ).statusCode,
    ).toBe(403);
  });

  it('enters (and submits) a department’s period in one request, one audit row', async () => {
    const before = await countAudit(db(), org.organizationId);
    const ok = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results/bulk`, {
      department: '교통과',
      period: `${FUTURE_YEAR}-Q3`,
      submit: true,
      rows: [
        { indicator: 'I001', actual: 12 },
        { indicator: 'C001', actual: 3, comment: '협업 3건' },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ created: 2, submitted: 2, lateEntryCases: 0 });
    expect(ok.json().results.every((r: { status: string }) => r.status === 'submitted')).toBe(true);
    expect(await countAudit(db(), org.organizationId)).toBe(before + 1);
    // An existing draft: without its version → 400; with a stale one → 409 naming the row; nothing changed.
    const q2 = (
      await db()
        .select()
        .from(results)
        .where(and(eq(results.period, `${FUTURE_YEAR}-Q2`), eq(results.status, 'draft')))
    )[0]!;
    const noVersion = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results/bulk`, {
      department: '교통과',
      period: `${FUTURE_YEAR}-Q2`,
      submit: true,
      rows: [{ indicator: 'I001' }],
    });
    expect(noVersion.json().error.details[0]).toMatchObject({ path: 'rows[0].version', code: 'version_required' });
    const staleRow = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results/bulk`, {
      department: '교통과',
      period: `${FUTURE_YEAR}-Q2`,
      submit: true,
      rows: [{ indicator: 'I001', version: q2.version - 1 }],
    });
    expect(staleRow.statusCode).toBe(409);
    expect(staleRow.json().error).toMatchObject({
      details: [{ path: 'rows[0].version' }],
      current: [{ row: 0, result: { version: q2.version } }],
    });
    expect(await rowOf(q2.id)).toMatchObject({ status: 'draft', version: q2.version });
    // A submitted row cannot be entered again.
    const again = await api('staff1', 'POST', `/plans/${FUTURE_YEAR}/results/bulk`, {
      department: '교통과',
      period: `${FUTURE_YEAR}-Q3`,
      rows: [{ indicator: 'I001', actual: 1 }],
    });
    expect(again.json().error.details[0]).toMatchObject({ path: 'rows[0].indicator', code: 'result_not_editable' });
  });
});

describe('inboxes and reminders', () => {
  it('shows staff what is overdue and returned, heads what waits, the planner the queue and completion', async () => {
    const staff = (await api('staff1', 'GET', `/inbox?year=${PAST_YEAR}`)).json();
    expect(staff.staff.overdue.total).toBeGreaterThan(0);
    expect(staff.head).toBeNull();
    expect(staff.planner).toBeNull();
    const head = (await api('head1', 'GET', `/inbox?year=${FUTURE_YEAR}`)).json();
    expect(
      head.head.awaitingApproval.items.some((r: { indicator: { code: string } }) => r.indicator.code === 'I002'),
    ).toBe(true);
    const planner = (await api('planner1', 'GET', `/inbox?year=${PAST_YEAR}`)).json();
    expect(planner.planner.currentPeriods).toEqual(['2020', '2020-H2', '2020-Q4']);
    expect(planner.planner.completion.map((c: { department: { name: string } }) => c.department.name)).toEqual([
      '교통과',
      '기획예산과',
      '보건소',
    ]);
    expect(planner.planner.overall).toMatchObject({ verified: 1, expected: 1 + 3 + 1 + 3 });
  });

  it('sends each reminder once per person and period, in the app and by e-mail', async () => {
    await db().update(users).set({ email: 'staff1@test-gu.go.kr' }).where(eq(users.username, 'staff1'));
    const deadline = periodDeadline(`${FUTURE_YEAR}-Q2`, DEFAULT_CALENDAR);
    const now = new Date(`${addDays(deadline.date, -1)}T10:00:00+09:00`);
    const mailer = memoryMailer();
    const first = await runReminders(db(), systemCaller('test'), { mailer, now });
    expect(first.created).toBeGreaterThan(0);
    const second = await runReminders(db(), systemCaller('test'), { mailer, now });
    expect(second.created).toBe(0);
    // One per period (Q2 and H1 share the deadline), after two runs.
    const toStaff1 = mailer.sent.filter((m) => m.to === 'staff1@test-gu.go.kr');
    expect(toStaff1.map((m) => m.subject.split(' 실적 ')[0]).sort()).toEqual([
      `[실적 입력] ${FUTURE_YEAR}-H1`,
      `[실적 입력] ${FUTURE_YEAR}-Q2`,
    ]);
    expect(toStaff1.find((m) => m.subject.includes('Q2'))!.text).toMatch(/I001 보행자 사고 건수 \(교통과\)/);
    const inApp = (await api('staff1', 'GET', '/notifications')).json();
    expect(inApp.notifications.filter((n: { kind: string }) => n.kind === 'reminder.due')).toHaveLength(2);
    const n = inApp.notifications[0];
    expect((await api('staff1', 'POST', `/notifications/${n.id}/read`, {})).json().readAt).not.toBeNull();
    expect((await api('staff2', 'POST', `/notifications/${n.id}/read`, {})).statusCode).toBe(404);
    const total = await countNotifications(db(), org.organizationId);
    // Through the API (the planner): nothing new at the same moment's rules.
    expect((await api('staff1', 'POST', '/reminders/run', {})).statusCode).toBe(403);
    expect((await api('planner1', 'POST', '/reminders/run', {})).statusCode).toBe(200);
    expect(await countNotifications(db(), org.organizationId)).toBeGreaterThanOrEqual(total);
  });

  it('the scheduled work runs the cut-off check only in the month after the cut-off', async () => {
    const r = await createResult(
      'staff2',
      { indicator: 'C001', department: '보건소', period: `${PAST_YEAR}-Q3`, actual: 1 },
      PAST_YEAR,
    );
    expect((await api('staff2', 'POST', `/results/${r.id}/submit`, {})).statusCode).toBe(200);
    const late = await runScheduledWork(db(), memoryMailer(), {
      now: new Date(`${PAST_YEAR + 2}-01-01T00:00:00+09:00`),
    });
    expect(late.missingEvidenceCases).toBe(0);
    const inMonth = await runScheduledWork(db(), memoryMailer(), {
      now: new Date(`${PAST_YEAR + 1}-01-20T10:00:00+09:00`),
    });
    expect(inMonth.missingEvidenceCases).toBe(1);
    const again = await runScheduledWork(db(), memoryMailer(), {
      now: new Date(`${PAST_YEAR + 1}-01-21T10:00:00+09:00`),
    });
    expect(again.missingEvidenceCases).toBe(0);
  });
});

describe('reporting calendar', () => {
  it('shows the deadlines; the planner sets the rules with the plan version (stale → 409), bad settings name the field', async () => {
    const cal = await api('staff1', 'GET', `/plans/${PAST_YEAR}/calendar`);
    expect(cal.statusCode, cal.body).toBe(200);
    const c = cal.json();
    expect(c.periods.find((p: { period: string }) => p.period === `${PAST_YEAR}-Q1`).deadline).toBe('2020-04-07');
    expect(c.cutoff).toBe('2021-01-08');
    expect(
      (await api('staff1', 'PUT', `/plans/${PAST_YEAR}/calendar`, { version: c.version, settings: {} })).statusCode,
    ).toBe(403);
    const bad = await api('planner1', 'PUT', `/plans/${PAST_YEAR}/calendar`, {
      version: c.version,
      settings: { deadlineWorkingDays: -2, cutoffDate: '2020-12-01' },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((d: { path: string }) => d.path)).toEqual(['calendar.deadlineWorkingDays']);
    const inYear = await api('planner1', 'PUT', `/plans/${PAST_YEAR}/calendar`, {
      version: c.version,
      settings: { cutoffDate: '2020-12-01' },
    });
    expect(inYear.json().error.details[0]).toMatchObject({
      path: 'calendar.cutoffDate',
      message: expect.stringMatching(/2020년이 끝난 뒤/),
    });
    const ok = await api('planner1', 'PUT', `/plans/${PAST_YEAR}/calendar`, {
      version: c.version,
      settings: { deadlineDayOfNextMonth: 10 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().periods.find((p: { period: string }) => p.period === `${PAST_YEAR}-Q1`).deadline).toBe(
      '2020-04-10',
    );
    const stale = await api('planner1', 'PUT', `/plans/${PAST_YEAR}/calendar`, {
      version: c.version,
      settings: { deadlineWorkingDays: 9 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.current).toEqual({ version: c.version + 1, stored: { deadlineDayOfNextMonth: 10 } });
    expect(await countAudit(db(), org.organizationId, 'plan.calendar')).toBe(1);
  });
});

/**
 * Downloads and the workbook upload through the HTTP API: content types, RFC 6266 file names,
 * the policy (plan.read, evaluation.read scoped to a department user's own department,
 * plan.import), and the import's dry-run preview with problems by sheet, row and column.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../db/client.js';
import { createTestDatabase } from '../../db/testing.js';
import { listDepartments } from '../../db/queries/accounts.js';
import { makeUser, TEST_PASSWORD } from '../../features/accounts/testing.js';
import { buildDemoPlans } from '../../features/demo/build-demo-plan.js';
import { importPlan } from '../../features/plans/import-plan.js';
import { systemActor } from '../../features/plans/context.js';
import type { App } from '../app.js';
import { call, loginAs, testApp, type TestSession } from '../auth/testing.js';

let database: Database;
let app: App;
const s: Record<string, TestSession> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  const { plan2019, plan2020 } = buildDemoPlans();
  const r = await importPlan(database.db, plan2019, systemActor('test'));
  await importPlan(database.db, plan2020, systemActor('test'));
  const depts = Object.fromEntries((await listDepartments(database.db, r.organizationId)).map((d) => [d.name, d.id]));
  await makeUser(database.db, r.organizationId, 'planner1', [{ role: 'planner' }]);
  await makeUser(database.db, r.organizationId, 'head1', [{ role: 'department_head', departmentId: depts['교통과']! }]);
  await makeUser(database.db, r.organizationId, 'rater1', [{ role: 'rater' }]);
  app = await testApp(database);
  for (const u of ['planner1', 'head1', 'rater1']) s[u] = await loginAs(app, u, TEST_PASSWORD);
}, 180_000);
afterAll(async () => {
  await app?.close();
  await database?.close();
});

const get = (who: string, url: string) => call(app, s[who]!, 'GET', `/api/v1${url}`);
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function workbook(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

function multipart(fileName: string, bytes: Buffer) {
  const boundary = `----bsc${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${XLSX}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, bytes, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}
const upload = (who: string, query: string, bytes: Buffer, csrf = true) => {
  const m = multipart('계획.xlsx', bytes);
  return app.inject({
    method: 'POST',
    url: `/api/v1/plans/excel/import${query}`,
    headers: {
      cookie: s[who]!.cookie,
      ...(csrf ? { 'x-csrf-token': s[who]!.csrf } : {}),
      'content-type': m.contentType,
    },
    payload: m.payload,
  });
};

describe('plan document downloads', () => {
  it('DOCX, PDF and HWPX with their content types and Korean file names (RFC 6266)', async () => {
    const docx = await get('head1', '/plans/2020/documents/plan.docx');
    expect(docx.statusCode, docx.body).toBe(200);
    expect(docx.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(docx.headers['content-disposition']).toBe(
      `attachment; filename="plan-songpa-2020.docx"; filename*=UTF-8''${encodeURIComponent('2020년 성과관리').replace(/[()]/g, '')}%28BSC%29%20${encodeURIComponent('시행계획')}.docx`,
    );
    const xml = await (await JSZip.loadAsync(docx.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml).toContain('>243<');
    const pdf = await get('head1', '/plans/2020/documents/plan.pdf');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const hwpx = await get('head1', '/plans/2020/documents/plan.hwpx');
    expect(hwpx.headers['content-type']).toBe('application/hwp+zip');
    expect(hwpx.headers['content-disposition']).toMatch(/filename="plan-songpa-2020\.hwpx"; filename\*=UTF-8''2020/);
  }, 60_000);

  it('needs a login; an unknown year is 404', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/v1/plans/2020/documents/plan.pdf' })).statusCode).toBe(401);
    const none = await get('planner1', '/plans/2030/documents/plan.pdf');
    expect(none.statusCode).toBe(404);
    expect(none.json().error.message).toMatch(/2030년 시행계획/);
  });
});

describe('Excel downloads', () => {
  it('the template is seeded with the organization and its departments; plan.xlsx holds the year', async () => {
    const t = await get('head1', '/plans/2021/excel/template.xlsx');
    expect(t.statusCode).toBe(200);
    expect(t.headers['content-type']).toBe(XLSX);
    expect(t.headers['content-disposition']).toMatch(/filename="plan-template-2021\.xlsx"; filename\*=UTF-8''2021/);
    const wb = await workbook(t.rawPayload);
    expect(wb.getWorksheet('계획')!.getCell('B2').value).toBe('songpa');
    expect(wb.getWorksheet('부서')!.actualRowCount).toBe(1 + 44);
    expect(wb.getWorksheet('성과지표')!.actualRowCount).toBe(1);
    const p = await workbook((await get('head1', '/plans/2020/excel/plan.xlsx')).rawPayload);
    expect(p.getWorksheet('성과지표')!.actualRowCount).toBe(1 + 195);
  });

  it('tables.xlsx: the evaluation sheets only with what the caller may read', async () => {
    const planner = await workbook((await get('planner1', '/plans/2020/excel/tables.xlsx')).rawPayload);
    expect(planner.getWorksheet('평가 결과')!.getRow(44).getCell(2).value).toBeTruthy();
    const head = await workbook((await get('head1', '/plans/2020/excel/tables.xlsx')).rawPayload);
    const ranking = head.getWorksheet('평가 결과')!;
    expect(ranking.getRow(3).getCell(2).value).toBe('교통과');
    expect(ranking.getRow(4).getCell(2).value).not.toBe('교통과');
    const rater = await workbook((await get('rater1', '/plans/2020/excel/tables.xlsx')).rawPayload);
    expect(rater.getWorksheet('목표·지표 현황')).toBeDefined();
    expect(rater.getWorksheet('평가 결과')).toBeUndefined();
  }, 60_000);
});

describe('evaluation report downloads', () => {
  it('XLSX and PDF for organization-wide readers; a department head sees only the own department; a rater none', async () => {
    const x = await get('planner1', '/plans/2020/documents/evaluation.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-disposition']).toMatch(
      /filename="evaluation-songpa-2020-final\.xlsx"; filename\*=UTF-8''2020/,
    );
    expect((await workbook(x.rawPayload)).getWorksheet('평가 결과')!.getRow(44).getCell(2).value).toBeTruthy();
    const pdf = await get('planner1', '/plans/2020/documents/evaluation.pdf?mode=provisional');
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toMatch(/evaluation-songpa-2020-provisional\.pdf/);
    const head = await workbook((await get('head1', '/plans/2020/documents/evaluation.xlsx')).rawPayload);
    const ranking = head.getWorksheet('평가 결과')!;
    expect(ranking.getRow(3).getCell(2).value).toBe('교통과');
    expect(String(ranking.getRow(4).getCell(1).value ?? '')).toMatch(/^(※.*)?$/);
    expect((await get('rater1', '/plans/2020/documents/evaluation.pdf')).statusCode).toBe(403);
    expect((await get('planner1', '/plans/2020/documents/evaluation.pdf?mode=nope')).statusCode).toBe(400);
  }, 60_000);
});

describe('workbook upload', () => {
  let filled: Buffer;
  beforeAll(async () => {
    filled = (await get('planner1', '/plans/2020/excel/plan.xlsx')).rawPayload;
  });

  it('dry run: a preview with the derived counts, the year that exists named as a problem', async () => {
    const r = await upload('planner1', '?dryRun=true', filled);
    expect(r.statusCode, r.body).toBe(200);
    const report = r.json();
    expect(report).toMatchObject({ ok: false, dryRun: true, committed: false, preview: { year: 2020, exists: true } });
    expect(report.preview.counts).toMatchObject({ indicators: 195, tasks: 243, deptStrategicGoals: 89 });
    expect(report.problems).toEqual([
      expect.objectContaining({ code: 'plan_exists', sheet: '계획', row: 4, column: 'B' }),
    ]);
    const ok = (await upload('planner1', '?dryRun=true&replace=true', filled)).json();
    expect(ok).toMatchObject({ ok: true, committed: false, problems: [] });
  }, 60_000);

  it('dry run of a broken workbook: every problem by sheet, row and column', async () => {
    const wb = await workbook(filled);
    const ind = wb.getWorksheet('성과지표')!;
    const headers = (ind.getRow(1).values as unknown[]).map(String);
    ind.getRow(5).getCell(headers.indexOf('목표치')).value = '많이';
    ind.getRow(6).getCell(headers.indexOf('주관부서')).value = '없는과';
    const r = await upload('planner1', '?dryRun=true&replace=true', Buffer.from(await wb.xlsx.writeBuffer()));
    const report = r.json();
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: '성과지표',
          row: 5,
          header: '목표치',
          message: expect.stringMatching(/숫자가 아닙니다/),
        }),
      ]),
    );
    // Without dryRun the same file is refused (400) and nothing changes.
    const refused = await upload('planner1', '?replace=true', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.problems[0]).toMatchObject({ sheet: '성과지표', row: 5 });
  }, 60_000);

  it('commits all-or-nothing with replace; only planners import; CSRF is required', async () => {
    expect((await upload('head1', '?replace=true', filled)).statusCode).toBe(403);
    expect((await upload('planner1', '?replace=true', filled, false)).statusCode).toBe(403);
    const r = await upload('planner1', '?replace=true', filled);
    expect(r.statusCode, r.body).toBe(200);
    expect(r.json()).toMatchObject({ ok: true, committed: true, replaced: true });
    const again = await workbook((await get('planner1', '/plans/2020/excel/plan.xlsx')).rawPayload);
    expect(again.getWorksheet('이행과제')!.actualRowCount).toBe(1 + 243);
    const notXlsx = await upload('planner1', '?dryRun=true', Buffer.from('hello'));
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().error.code).toBe('not_xlsx');
  }, 60_000);
});

/**
 * Browser tests of 엑셀·문서 (/files): the real server in-process with the demo, Debian's Chromium.
 * The planner downloads the plan PDF (the bytes and the Korean file name of the response), uploads
 * the plan workbook exported from the server with one deliberate error and finds it by sheet, row
 * and column, then the clean workbook and its preview counts, and imports it after confirming; a
 * workbook of another organization gets the server's 403 message; a viewer may download but not
 * upload. Every state is scanned with axe-core and photographed to test-output/screenshots/.
 *
 * Skipped, with a message, when /usr/bin/chromium is absent (CHROMIUM_PATH overrides the path).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasChromium } from './support/browser.js';
import { browserSuite } from './support/suite.js';

/** The column letter of a 1-based column number (1 → A, 27 → AA). */
function letter(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe.skipIf(!hasChromium)('엑셀·문서 in Chromium', () => {
  const ui = browserSuite({ tests: '엑셀·문서 브라우저 테스트', timeout: 180_000 });
  const { problems, url, login, see, check } = ui;
  let tmp: string;
  let exported: Buffer;

  /** Chooses `file` in the upload form, sets 바꾸기, and runs the dry run. */
  async function uploadForCheck(file: string, replace = true) {
    await ui.page.locator('#upload input[type=file]').setInputFiles(file);
    const box = ui.page.getByRole('checkbox', { name: /같은 연도의 계획이 이미 있으면/ });
    if ((await box.isChecked()) !== replace) await box.click();
    await ui.page.getByRole('button', { name: '올려서 점검하기' }).click();
  }

  async function workbookFile(name: string, edit?: (wb: ExcelJS.Workbook) => void): Promise<string> {
    const file = path.join(tmp, name);
    if (!edit) {
      fs.writeFileSync(file, exported);
      return file;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(exported as unknown as ArrayBuffer);
    edit(wb);
    fs.writeFileSync(file, Buffer.from(await wb.xlsx.writeBuffer()));
    return file;
  }

  beforeAll(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bsc-e2e-files-'));
    await login('planner');
    const r = await ui.page.request.get(url('/api/v1/plans/2020/excel/plan.xlsx'));
    expect(r.status()).toBe(200);
    exported = await r.body();
  }, 180_000);

  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('the page lists every document and workbook with its formats', async () => {
    await ui.page.goto(url('/files?year=2020'));
    await see('문서 내려받기');
    await ui.page.getByRole('heading', { name: '엑셀·문서', level: 1 }).waitFor();
    for (const h of ['시행계획', '부서 성과평가 결과 보고서', '2020년 계획 엑셀', '계획 엑셀 서식', '성과관리 표 엑셀'])
      await ui.page.getByRole('heading', { name: h, level: 3 }).waitFor();
    for (const b of [
      '시행계획 PDF 내려받기',
      '시행계획 DOCX 내려받기',
      '시행계획 HWPX 내려받기',
      '부서 성과평가 결과 보고서 PDF 내려받기',
      '부서 성과평가 결과 보고서 XLSX 내려받기',
      '2020년 계획 엑셀 XLSX 내려받기',
      '계획 엑셀 서식 XLSX 내려받기',
      '성과관리 표 엑셀 XLSX 내려받기',
    ])
      expect(await ui.page.getByRole('button', { name: b }).count(), b).toBe(1);
    await see('계획 엑셀 올리기');
    // The nav entry is there for the planner.
    expect(await ui.page.getByRole('navigation').getByRole('link', { name: '엑셀·문서' }).count()).toBe(1);
    await check('files-01-page');
  });

  it('planner downloads the plan PDF: %PDF bytes and the Korean file name', async () => {
    await ui.page.goto(url('/files?year=2020'));
    const button = ui.page.getByRole('button', { name: '시행계획 PDF 내려받기' });
    await button.waitFor();
    const [response, download] = await Promise.all([
      ui.page.waitForResponse((r) => r.url().endsWith('/api/v1/plans/2020/documents/plan.pdf'), { timeout: 60_000 }),
      ui.page.waitForEvent('download', { timeout: 60_000 }),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    const bytes = await response.body();
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
    const disposition = response.headers()['content-disposition'] ?? '';
    expect(disposition).toMatch(/^attachment; filename="plan-songpa-2020\.pdf"; filename\*=UTF-8''/);
    const korean = decodeURIComponent(/filename\*=UTF-8''([^;]+)/.exec(disposition)![1]!);
    expect(korean).toMatch(/^2020년 .*시행계획\.pdf$/);
    // The browser saves the file under that Korean name, with the same bytes.
    expect(download.suggestedFilename()).toBe(korean);
    const saved = await download.path();
    expect(fs.readFileSync(saved).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await see(`받았습니다: ${korean}`);
    await check('files-02-downloaded');
  }, 90_000);

  it('a workbook with one deliberate error: the problem by sheet, row and column', async () => {
    let column = '';
    const file = await workbookFile('broken.xlsx', (wb) => {
      const sheet = wb.getWorksheet('성과지표')!;
      const headers = (sheet.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      const col = headers.indexOf('목표치');
      expect(col).toBeGreaterThan(0);
      column = letter(col);
      sheet.getRow(5).getCell(col).value = '많이';
    });
    await ui.page.goto(url('/files?year=2020'));
    await uploadForCheck(file);
    // The real upload progress: the bar reaches 100 %, then the server checks the file.
    await see('서버에서 읽고 점검하는 중…', 20_000);
    expect(await ui.page.getByRole('progressbar', { name: '파일 올리기 진행률' }).getAttribute('aria-valuenow')).toBe(
      '100',
    );
    await see('점검 결과', 60_000);
    await see(/문제 1건이 있어 가져올 수 없습니다/);
    const row = ui.page.locator('tr[data-sheet="성과지표"][data-row="5"]');
    await row.waitFor();
    expect(await row.getAttribute('data-column')).toBe(column);
    const cells = await row.locator('th, td').allInnerTexts();
    expect(cells.slice(1, 5)).toEqual(['성과지표', '5', column, '목표치']);
    expect(cells[5]).toMatch(/숫자가 아닙니다/);
    expect(cells[5]).toContain('많이');
    // No import offered while there is a problem.
    expect(await ui.page.getByRole('button', { name: '가져오기', exact: true }).count()).toBe(0);
    await check('files-03-problem');
  }, 120_000);

  it('the clean workbook: the preview counts, then the import after confirmation', async () => {
    const file = await workbookFile('clean.xlsx');
    // Without 바꾸기 the year that exists is the one problem, on the 계획 sheet's 연도 cell.
    await uploadForCheck(file, false);
    await see(/문제 1건이 있어/, 60_000);
    const exists = ui.page.locator('tr[data-sheet="계획"]');
    expect(await exists.getAttribute('data-row')).toBe('4');
    expect(await exists.getAttribute('data-column')).toBe('B');
    await see(/2020년 시행계획이 이미 있습니다/);

    await uploadForCheck(file, true);
    await see('문제가 없습니다. 아래 내용을 확인하고 가져오세요.', 60_000);
    const counts = Object.fromEntries(
      await ui.page
        .locator('.preview-counts tr')
        .evaluateAll((rows) =>
          rows.map((r) => [r.getAttribute('data-level'), r.querySelector('td')?.textContent ?? ''] as const),
        ),
    );
    expect(counts).toEqual({
      orgStrategicGoals: '5',
      orgPerformanceGoals: '16',
      deptStrategicGoals: '89',
      deptPerformanceGoals: '163',
      indicators: '195',
      convergenceIndicators: '33',
      commonIndicators: '5',
      tasks: '243',
      departments: '42',
    });
    await see('있음 (바꿈)');
    await see('송파구');
    await check('files-04-clean-preview');

    await ui.page.getByRole('button', { name: '가져오기', exact: true }).click();
    const dialog = ui.page.getByRole('dialog', { name: '계획을 가져올까요?' });
    await dialog.waitFor();
    await dialog.getByText(/이미 있는 2020년 계획을 이 파일의 내용으로 바꿉니다/).waitFor();
    await check('files-05-confirm');
    await dialog.getByRole('button', { name: '가져오기' }).click();
    await see('2020년 계획을 이 파일의 내용으로 바꿨습니다.', 90_000);
    await see('성과지표 195개, 이행과제 243개');
    await check('files-06-imported');
    // The plan is there as before.
    const summary = await ui.page.request.get(url('/api/v1/plans/2020/summary'));
    expect(((await summary.json()) as { counts: { indicators: number } }).counts.indicators).toBe(195);
  }, 180_000);

  it("another organization's workbook: the server's 403 message", async () => {
    const file = await workbookFile('other-org.xlsx', (wb) => {
      const sheet = wb.getWorksheet('계획')!;
      sheet.eachRow((row) => {
        if (String(row.getCell(1).value) === '기관 코드') row.getCell(2).value = 'other-district';
      });
    });
    await ui.page.goto(url('/files?year=2020'));
    await uploadForCheck(file);
    const alert = ui.page.getByRole('alert').filter({ hasText: '파일을 점검하지 못했습니다' });
    await alert.waitFor({ timeout: 60_000 });
    expect(await alert.innerText()).toMatch(/other-district.*자기 기관의 계획만 가져올 수 있습니다/s);
    await check('files-07-forbidden');
  }, 120_000);

  it('a viewer downloads but may not upload', async () => {
    await login('viewer');
    await ui.page.goto(url('/files?year=2020'));
    await see('문서 내려받기');
    await see('계획 엑셀을 올려 가져올 권한이 없습니다.');
    expect(await ui.page.locator('#upload input[type=file]').count()).toBe(0);
    expect(await ui.page.getByRole('button', { name: '시행계획 PDF 내려받기' }).count()).toBe(1);
    await check('files-08-viewer');
    // The same page in English.
    await ui.page.getByText('English', { exact: true }).click();
    await ui.page.getByRole('heading', { name: 'Excel & documents', level: 1 }).waitFor();
    expect(await ui.page.getByRole('button', { name: 'Download PDF (Annual plan (시행계획))' }).count()).toBe(1);
    await see('You may not import plans; you can only download.');
    await check('files-09-viewer-english');
    await ui.page.getByText('한국어', { exact: true }).click();
    await see('문서 내려받기');
    expect(problems).toEqual([]);
  }, 60_000);
});

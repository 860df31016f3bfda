/**
 * Excel import benchmark: a generated plan workbook of N indicators (≈ 1.25 tasks and one result
 * each) is written, parsed and validated, then imported into an embedded database (PGlite, in
 * memory). Prints the figures; asserts nothing about time.
 *
 *   npx tsx bench/excel-import.ts              # 2,000 indicators
 *   BENCH_INDICATORS=500,2000,5000 npx tsx bench/excel-import.ts
 */
import { performance } from 'node:perf_hooks';
import { createTestDatabase } from '../src/db/testing.js';
import { generatedPlan } from '../src/features/excel/fixtures.js';
import { importPlanWorkbook } from '../src/features/excel/import-plan-workbook.js';
import { parsePlanWorkbook, type ImportPhase } from '../src/features/excel/parse-plan-workbook.js';
import { planWorkbookBuffer } from '../src/features/excel/write-plan-workbook.js';
import { systemActor } from '../src/features/plans/context.js';

const sizes = (process.env.BENCH_INDICATORS ?? '2000').split(',').map((x) => Number(x.trim()));
const ms = (t: number) => `${Math.round(t)} ms`;

async function main() {
  const database = await createTestDatabase();
  try {
    console.log('지표 수\t과제 수\t파일 크기\t쓰기\t읽기(파일)\t읽기(시트)\t검증\t읽기+검증\t가져오기(DB 포함)');
    for (const [i, n] of sizes.entries()) {
      const plan = generatedPlan(n, 2040 + i);
      let t = performance.now();
      const buffer = await planWorkbookBuffer(plan, { filled: true });
      const write = performance.now() - t;

      const phaseStart: Partial<Record<ImportPhase, number>> = {};
      t = performance.now();
      const parsed = await parsePlanWorkbook(buffer, {
        onProgress: (p) => (phaseStart[p.phase] ??= performance.now()),
      });
      const parse = performance.now() - t;
      if (parsed.problems.length) throw new Error(`생성한 파일에 문제가 있습니다: ${parsed.problems[0]!.message}`);
      const read = phaseStart.sheets! - phaseStart.read!;
      const sheets = phaseStart.validate! - phaseStart.sheets!;
      const validate = phaseStart.done! - phaseStart.validate!;

      t = performance.now();
      const report = await importPlanWorkbook(database.db, buffer, systemActor('bench'));
      const full = performance.now() - t;
      if (!report.committed) throw new Error('가져오지 못했습니다');
      console.log(
        [
          n,
          plan.tasks.length,
          `${Math.round(buffer.length / 1024)} KB`,
          ms(write),
          ms(read),
          ms(sheets),
          ms(validate),
          ms(parse),
          ms(full),
        ].join('\t'),
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});

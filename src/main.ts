/** The server process: `npm start`. */
import { loadConfig } from './config.js';
import { openAppDatabase } from './bootstrap.js';
import { buildApp } from './server/app.js';
import { AppError } from './domain/errors.js';

async function main() {
  const config = loadConfig();
  const log = (m: string) => console.log(`[bsc] ${m}`);
  log(`데이터베이스: ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `내장 PGlite (${config.dataDir})`}`);
  const database = await openAppDatabase(config, { log });
  const app = await buildApp({
    database,
    config,
    logger: config.BSC_LOG_LEVEL === 'silent' ? false : { level: config.BSC_LOG_LEVEL },
  });
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    log(`${signal}: 종료합니다…`);
    const timer = setTimeout(() => {
      console.error('[bsc] 종료가 10초 안에 끝나지 않아 강제로 끝냅니다.');
      process.exit(1);
    }, 10_000);
    try {
      await app.close();
      await database.close();
      log('데이터베이스를 안전하게 닫았습니다.');
      clearTimeout(timer);
      process.exit(0);
    } catch (e) {
      console.error(e);
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  let address: string;
  try {
    address = await app.listen({ port: config.PORT, host: config.HOST });
  } catch (e) {
    await app.close().catch(() => undefined);
    await database.close();
    const code = (e as NodeJS.ErrnoException).code;
    throw code === 'EADDRINUSE' ? new Error(`포트 ${config.PORT}을(를) 이미 다른 프로그램이 쓰고 있습니다. PORT를 바꿔 실행하세요.`, { cause: e }) : e;
  }
  log(`성과관리 BSC가 실행 중입니다: http://localhost:${config.PORT} (${address})`);
}

main().catch((e) => {
  if (e instanceof AppError) console.error(`[bsc] ${e.message}`);
  else console.error('[bsc] 시작하지 못했습니다:', e instanceof Error && e.cause ? e.message : e);
  process.exit(1);
});

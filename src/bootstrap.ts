/** Opens the configured database, migrates it and loads the demo into an empty one. Used by the server and the CLI. */
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/client.js';
import { ensureDemo } from './features/demo/ensure-demo.js';
import './features/register.js';

export async function openAppDatabase(config: Config, opts: { log?: (msg: string) => void } = {}): Promise<Database> {
  const database = await openDatabase(
    config.DATABASE_URL ? { databaseUrl: config.DATABASE_URL } : { dataDir: config.dataDir },
  );
  try {
    await database.migrate();
    if (config.BSC_DEMO) {
      const t0 = Date.now();
      if (await ensureDemo(database.db)) opts.log?.(`데모 계획(송파구 2019·2020)을 불러왔습니다 (${Date.now() - t0} ms).`);
    }
    return database;
  } catch (e) {
    await database.close();
    throw e;
  }
}

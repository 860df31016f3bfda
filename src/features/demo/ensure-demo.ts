/** Loads the built-in demo (the reference district's 2019–2020 plans) into an empty database, once. */
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { organizations } from '../../db/schema.js';
import { importPlan } from '../plans/import-plan.js';
import { systemActor } from '../plans/context.js';
import { buildDemoPlans } from './build-demo-plan.js';

export type DemoHook = (db: Db) => Promise<void>;
/** Other capabilities (accounts, …) add what the demo needs of them here. */
const hooks: DemoHook[] = [];
export function onDemoLoaded(hook: DemoHook) {
  hooks.push(hook);
}

export async function ensureDemo(db: Db): Promise<boolean> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(organizations);
  if ((row?.n ?? 0) > 0) return false;
  const { plan2019, plan2020 } = buildDemoPlans();
  const actor = systemActor('demo');
  await importPlan(db, plan2019, actor);
  await importPlan(db, plan2020, actor);
  for (const hook of hooks) await hook(db);
  return true;
}

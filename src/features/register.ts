/** Wires capabilities to each other at start-up (demo hooks, …). One import per capability. */
import { loadConfig } from '../config.js';
import { onDemoLoaded } from './demo/ensure-demo.js';
import { createDemoAccounts } from './accounts/demo-accounts.js';

// Accounts: the demo's accounts (one per role, a head and a staff account per department).
onDemoLoaded(async (db) => {
  await createDemoAccounts(db, loadConfig().BSC_DEMO_PASSWORD);
});

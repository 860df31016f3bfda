/** Test helper process: takes the data-dir lock, says so, and waits to be killed. */
import { lockDataDir } from '../db/lock.js';

lockDataDir(process.env.LOCK_DIR!);
console.log('locked');
setInterval(() => undefined, 60_000);

/** Production start refuses to run while a demo account (a published password) can log in. */
import type { Db } from '../../db/client.js';
import { countActiveDemoUsers } from '../../db/queries/accounts.js';
import { AppError } from '../../domain/errors.js';

export async function assertNoDemoAccounts(db: Db): Promise<void> {
  const n = await countActiveDemoUsers(db);
  if (n > 0)
    throw new AppError(
      'unavailable',
      'demo_accounts_in_production',
      `운영 모드(NODE_ENV=production)에서는 데모 계정(공개된 비밀번호를 쓰는 계정)이 ${n}개 활성 상태라 시작할 수 없습니다. ` +
        'BSC_DEMO=0 으로 설정하고 `npm run bsc -- users deactivate --demo` 로 데모 계정을 중지한 뒤 다시 시작하세요.',
    );
}

/** Who calls an account use case: the audit actor, and the principal the policy judges (null = the local CLI, trusted). */
import type { AuditActor } from '../../db/queries/audit.js';
import { authorize, type Action, type Principal, type Resource } from '../../domain/policy.js';

export interface Caller {
  actor: AuditActor;
  /** The logged-in user; null for the command line (whoever can run it owns the database). */
  principal: Principal | null;
}

export function authorizeCaller(caller: Caller, action: Action, resource?: Resource) {
  if (caller.principal) authorize(caller.principal, action, resource);
}

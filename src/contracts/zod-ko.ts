/** Korean validation messages for every zod schema (imported once by each entry point's contracts). */
import { z } from 'zod';

z.config(z.locales.ko());

/** Turns zod issues into problems with a path like "indicators[3].target". */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

export function zodProblems(error: z.ZodError): { path: string; message: string; code: string }[] {
  return error.issues.map((i) => ({
    path: issuePath(i.path) || '(문서)',
    message: i.code === 'unrecognized_keys' ? `알 수 없는 항목: ${i.keys.join(', ')}` : i.message,
    code: i.code,
  }));
}

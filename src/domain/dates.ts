/** Dates are shown and exchanged in Asia/Seoul (UTC+9, no daylight saving). */
export function toSeoulIso(d: Date): string {
  const local = new Date(d.getTime() + 9 * 3600_000);
  return local.toISOString().replace('Z', '+09:00');
}

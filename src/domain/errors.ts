/**
 * One error type per failure kind, each with a stable code and a Korean message.
 * server/ maps them to HTTP once; cli/ prints them and exits non-zero.
 */
export interface ProblemDetail {
  /** Where the problem is: a field path ("indicators[3].target"), a sheet/row, … */
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: 'validation' | 'not_found' | 'forbidden' | 'unauthorized' | 'conflict' | 'too_many' | 'unavailable',
    readonly code: string,
    message: string,
    readonly details: ProblemDetail[] = [],
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const validationError = (message: string, details: ProblemDetail[] = [], code = 'validation_failed') =>
  new AppError('validation', code, message, details);
export const notFound = (what: string, code = 'not_found') => new AppError('not_found', code, `${what}을(를) 찾을 수 없습니다.`);
export const forbidden = (message = '이 작업을 할 권한이 없습니다.', code = 'forbidden') =>
  new AppError('forbidden', code, message);
export const unauthorized = (message = '로그인이 필요합니다.', code = 'unauthorized') =>
  new AppError('unauthorized', code, message);
export const conflict = (message: string, code = 'conflict', extra: Record<string, unknown> = {}) =>
  new AppError('conflict', code, message, [], extra);

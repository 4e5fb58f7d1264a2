import type { MessageCode } from './messages.ts';

/**
 * The one error type services throw. The HTTP layer turns it into
 * `{ error: { code, message, field? } }` with the message in the caller's language,
 * so services never deal with locales.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: MessageCode,
    readonly params: Record<string, string | number> = {},
    readonly field?: string,
    /** Every problem, when there are several (a form, a bundle definition, a spreadsheet). */
    readonly details?: ProblemDetail[],
  ) {
    super(code);
    this.name = 'AppError';
  }
}

export interface ProblemDetail {
  code: MessageCode;
  params?: Record<string, string | number>;
  field?: string;
  sheet?: string;
  row?: number;
  column?: string;
}

export const badRequest = (
  code: MessageCode,
  field: string,
  params: Record<string, string | number> = {},
) => new AppError(400, code, { field, ...params }, field);
export const notFound = (what: string) => new AppError(404, 'not_found', { what });
export const forbidden = () => new AppError(403, 'forbidden');
export const conflict = (code: MessageCode, params: Record<string, string | number> = {}) =>
  new AppError(409, code, params);

import type { z } from 'zod';
import { HttpError } from './errors.js';

/** Parses `value` with `schema`, or throws a 400 naming the first invalid field. */
export function validate<T extends z.ZodType>(schema: T, value: unknown, code = 'invalid_request'): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = firstIssue(result.error.issues);
  const path = issue.path.map(String).join('.');
  throw new HttpError(400, code, path ? `${path}: ${issue.message}` : issue.message, { path });
}

/** The most specific issue: zod reports a failed union as one issue wrapping each branch's issues. */
function firstIssue(issues: readonly z.core.$ZodIssue[]): z.core.$ZodIssue {
  const issue = issues[0];
  if (!issue) return { code: 'custom', path: [], message: 'invalid value', input: undefined };
  return issue;
}

/** Steps the route, page and browser specs share: one-brand directories and the API's error answer. */
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';

interface ApiError {
  field: string | null;
  code: string;
  message: string;
  [more: string]: unknown;
}

/** The answer has this status and a body of exactly these errors, in this order. */
export function expectErrors(
  res: LightMyRequestResponse,
  status: number,
  ...errors: ApiError[]
): void {
  expect(res.statusCode).toBe(status);
  expect(res.json()).toEqual({ errors });
}

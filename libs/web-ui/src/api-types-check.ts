import { readFileSync } from 'node:fs';
import openapiTS, { astToString, COMMENT_HEADER } from 'openapi-typescript';
import { expect } from 'vitest';

/**
 * The staleness check of an app's generated API types: src/api-types.ts must be exactly what
 * `npm run api-types` (openapi-typescript with its default options) writes from the checked-in
 * OpenAPI document in docs/api (docs/architecture.md, "API contract").
 */
export async function expectApiTypesCurrent(app: string, document: URL, generated: URL): Promise<void> {
  const expected = `${COMMENT_HEADER}${astToString(await openapiTS(document, { silent: true }))}`;
  const actual = readFileSync(generated, 'utf8');
  expect(actual === expected, `${generated.pathname} is out of date: run npm run api-types -w ${app}`).toBe(true);
}

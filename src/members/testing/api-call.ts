import assert from 'node:assert/strict';
import { origin, type StaffClient } from '../../access/testing/staff-client.ts';

/** A JSON call to the member or guardian API, made as a browser's fetch makes it. */
export function apiCall(client: StaffClient, method: string, path: string, body?: unknown) {
  return client.send(path, {
    method,
    // A bodiless call (a DELETE) sends Origin, or the form rule holds it (csrfGuard).
    headers: body === undefined ? { origin } : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
}

/** The problem details (RFC 9457) of a refusal, after checking it says it is one. */
export async function problemOf(response: Response) {
  assert.match(response.headers.get('content-type') ?? '', /application\/problem\+json/);
  return (await response.json()) as {
    type: string;
    title: string;
    title_en: string;
    detail?: string;
    detail_en?: string;
    errors?: { field: string }[];
  };
}

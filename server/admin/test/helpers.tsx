import { fireEvent, render, waitFor } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { expect, vi } from 'vitest';
import type { StaffUser } from '@mc/shared';
import Root from '../src/App';
import { TOKEN_KEY } from '../src/api';

export const json = (status: number, body: unknown) =>
  new Response(body === undefined ? '' : JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

export const apiError = (status: number, code: string, message: string) => json(status, { error: { code, message } });

type Handler = (init: RequestInit, url: string) => Response | Promise<Response>;

/**
 * Stubs global fetch with a table `"METHOD /path" → handler`; the query string is ignored
 * when matching. Anything else answers 404 in the api.md format.
 */
export function mockFetch(routes: Record<string, Handler>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = String(input);
    const key = `${(init.method ?? 'GET').toUpperCase()} ${url.split('?')[0]}`;
    const handler = routes[key];
    return handler ? handler(init, url) : apiError(404, 'NOT_FOUND', 'not found');
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** The calls made to one route, with their parsed JSON bodies and headers. */
export function callsTo(fetchMock: ReturnType<typeof mockFetch>, method: string, path: string) {
  return fetchMock.mock.calls
    .filter(([input, init]) => String(input).split('?')[0] === path && (init?.method ?? 'GET') === method)
    .map(([, init]) => ({
      body: init?.body ? (JSON.parse(String(init.body)) as unknown) : undefined,
      headers: (init?.headers ?? {}) as Record<string, string>,
    }));
}

export function signIn(staff: StaffUser, token = 'test-token') {
  localStorage.setItem(TOKEN_KEY, token);
  return { 'GET /api/admin/me': () => json(200, staff) };
}

export function renderApp(path = '/') {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <Root />
    </MemoryRouter>,
  );
}

/** Types into the form field with this id (the field keeps the text as typed). */
export const fill = (id: string, value: string) => fireEvent.change(document.getElementById(id)!, { target: { value } });

/** The element once it is there (a modal's field after its open animation, a lazy page). */
export const el = (selector: string) =>
  waitFor(() => {
    const found = document.querySelector(selector);
    expect(found).not.toBeNull();
    return found as HTMLElement;
  });

import { MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createMemoryHistory, createRootRoute, createRouter, RouterProvider } from '@tanstack/react-router';
import { render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { vi } from 'vitest';

export type Handler = (method: string, url: URL, body: unknown) => { status?: number; body?: unknown } | undefined;

/**
 * Replaces fetch (the web app's one outside boundary) with `handler`; unhandled calls answer 404.
 * Returns the calls made, for assertions on what the component sent.
 */
export function stubApi(handler: Handler) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  vi.stubGlobal('fetch', (input: string, init?: RequestInit) => {
    const url = new URL(input, 'http://localhost');
    const method = init?.method ?? 'GET';
    const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, path: url.pathname + url.search, body });
    const answer = handler(method, url, body) ?? { status: 404, body: { code: 'NOT_FOUND', message: 'not stubbed', requestId: 'test' } };
    const status = answer.status ?? 200;
    return Promise.resolve(new Response(status === 204 ? null : JSON.stringify(answer.body ?? {}), { status, headers: { 'content-type': 'application/json' } }));
  });
  return calls;
}

/** Renders `ui` inside Mantine, TanStack Query and a memory router (so Links work). */
export function renderWithProviders(ui: ReactNode) {
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  const rootRoute = createRootRoute({ component: () => <>{ui}</> });
  const router = createRouter({ routeTree: rootRoute, history: createMemoryHistory({ initialEntries: ['/'] }) });
  return {
    queryClient,
    ...render(
      <MantineProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </MantineProvider>,
    ),
  };
}

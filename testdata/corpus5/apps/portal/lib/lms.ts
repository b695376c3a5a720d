import 'server-only';

const BASE = process.env.LMS_API_URL ?? 'https://acme.360learning.com/api/v1';

export class LmsError extends Error {
  constructor(public status: number, message: string) {
    super(message);
  }
}

/** Calls the LMS with the company credentials; path starts with a slash. */
export async function lmsFetch<T = unknown>(path: string, init: RequestInit = {}): Promise<T> {
  const url = new URL(BASE + path);
  url.searchParams.set('company', process.env.LMS_COMPANY!);
  url.searchParams.set('apiKey', process.env.LMS_API_KEY!);
  const res = await fetch(url, {
    ...init,
    headers: { 'content-type': 'application/json', ...init.headers },
    cache: 'no-store',
  });
  if (!res.ok) throw new LmsError(res.status, await res.text());
  return res.status === 204 ? (undefined as T) : ((await res.json()) as T);
}

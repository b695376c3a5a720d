export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface RequestConfig extends RequestOptions {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  query?: Record<string, unknown>;
  body?: unknown;
}

/** Shared transport: adds the tenant host and the v1 credentials to every call. */
export class HttpRequest {
  constructor(
    private readonly baseUrl = process.env.LMS_BASE_URL ?? "https://acme.360learning.com",
    private readonly company = process.env.LMS_COMPANY ?? "",
    private readonly apiKey = process.env.LMS_API_KEY ?? "",
  ) {}

  async request<T>(cfg: RequestConfig): Promise<T> {
    const url = new URL(cfg.url, this.baseUrl);
    url.searchParams.set("company", this.company);
    url.searchParams.set("apiKey", this.apiKey);
    for (const [k, v] of Object.entries(cfg.query ?? {})) {
      if (v !== undefined) url.searchParams.set(k, String(v));
    }
    const res = await fetch(url, {
      method: cfg.method,
      headers: { "Content-Type": "application/json", ...cfg.headers },
      body: cfg.body === undefined ? undefined : JSON.stringify(cfg.body),
      signal: cfg.signal,
    });
    if (!res.ok) throw new Error(`${cfg.method} ${cfg.url}: ${res.status}`);
    return (res.status === 204 ? undefined : await res.json()) as T;
  }
}

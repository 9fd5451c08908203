import { BadgectlError } from './errors.js';

export interface RequestBody {
  json?: unknown;
  text?: string;
  bytes?: Uint8Array;
  contentType?: string;
}

export interface ApiClientOptions {
  url: string;
  token: string;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

/** The gateway's HTTP API with a bearer token; gateway errors become BadgectlError API_ERROR with its code. */
export class ApiClient {
  private readonly base: URL;
  private readonly doFetch: typeof fetch;

  constructor(private readonly options: ApiClientOptions) {
    try {
      this.base = new URL(options.url);
    } catch {
      throw new BadgectlError('USAGE', `--url is not a URL: ${options.url}`);
    }
    if (this.base.protocol !== 'http:' && this.base.protocol !== 'https:') throw new BadgectlError('USAGE', '--url must be http(s)');
    this.doFetch = options.fetch ?? fetch;
  }

  async request<T = unknown>(method: string, path: string, body?: RequestBody): Promise<T> {
    const res = await this.raw(method, path, body);
    if (res.status === 204) return undefined as T;
    return (await res.json()) as T;
  }

  async text(method: string, path: string): Promise<string> {
    return (await this.raw(method, path)).text();
  }

  private async raw(method: string, path: string, body?: RequestBody): Promise<Response> {
    const url = new URL(path, this.base);
    const headers: Record<string, string> = { authorization: `Bearer ${this.options.token}` };
    let payload: string | Uint8Array | undefined;
    if (body?.json !== undefined) {
      headers['content-type'] = 'application/json';
      payload = JSON.stringify(body.json);
    } else if (body?.bytes !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      payload = body.bytes;
    } else if (body?.text !== undefined) {
      headers['content-type'] = body.contentType ?? 'text/plain';
      payload = body.text;
    }
    let res: Response;
    try {
      res = await this.doFetch(url, { method, headers, ...(payload !== undefined ? { body: payload } : {}), signal: AbortSignal.timeout(this.options.timeoutMs ?? 30_000) });
    } catch (err) {
      throw new BadgectlError('GATEWAY_UNREACHABLE', `${url.origin}: ${(err as Error).cause instanceof Error ? ((err as Error).cause as Error).message : (err as Error).message}`);
    }
    if (!res.ok) {
      let code = `HTTP_${res.status}`;
      let message = res.statusText;
      try {
        const parsed = (await res.json()) as { error?: { code?: string; message?: string } };
        code = parsed.error?.code ?? code;
        message = parsed.error?.message ?? message;
      } catch {
        // not a gateway error body
      }
      throw new BadgectlError('API_ERROR', `${code} (${res.status}) ${message}`, { status: res.status, code });
    }
    return res;
  }
}

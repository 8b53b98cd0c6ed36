/**
 * The RabbitMQ management HTTP API through axios. Lists always ask for `columns=` (measured:
 * 10x less time and data at 10,000 queues); callers name the columns they draw.
 */
import axios, { type AxiosInstance } from 'axios';
import { toWarrenError } from '../errors';
import { warrenError } from '../../../shared/errors';

export interface ManagementEndpoint {
  url: string;
  username: string;
  password: string;
  /** For an https API with a private CA or a client certificate. */
  httpsAgent?: import('node:https').Agent;
}

export interface Page<T> {
  items: T[];
  total_count: number;
  filtered_count: number;
  page: number;
  page_count: number;
}

export class ManagementClient {
  private readonly http: AxiosInstance;

  constructor(endpoint: ManagementEndpoint, timeoutMs = 10_000) {
    this.http = axios.create({
      baseURL: `${endpoint.url.replace(/\/+$/, '')}/api`,
      auth: { username: endpoint.username, password: endpoint.password },
      timeout: timeoutMs,
      ...(endpoint.httpsAgent ? { httpsAgent: endpoint.httpsAgent } : {}),
      // Keep bodies small in memory; the API can be chatty.
      maxContentLength: 256 * 1024 * 1024,
    });
  }

  /** `timeoutMs` overrides the client's timeout for this request (e.g. every row of a 10,000-queue list). */
  async get<T>(path: string, params?: Record<string, string | number | boolean>, timeoutMs?: number): Promise<T> {
    try {
      const res = await this.http.get<T>(path, { params, ...(timeoutMs === undefined ? {} : { timeout: timeoutMs }) });
      return res.data;
    } catch (err) {
      throw toWarrenError(err);
    }
  }

  async post<T>(path: string, body: unknown): Promise<T> {
    try {
      const res = await this.http.post<T>(path, body);
      return res.data;
    } catch (err) {
      throw toWarrenError(err);
    }
  }

  async put(path: string, body: unknown): Promise<void> {
    try {
      await this.http.put(path, body);
    } catch (err) {
      throw toWarrenError(err);
    }
  }

  async delete(path: string, headers?: Record<string, string>): Promise<void> {
    try {
      await this.http.delete(path, headers ? { headers } : {});
    } catch (err) {
      throw toWarrenError(err);
    }
  }

  async list<T>(path: string, columns: string[], params: Record<string, string | number | boolean> = {}, timeoutMs?: number): Promise<T[]> {
    return expectRows<T>(await this.get<unknown>(path, { columns: columns.join(','), ...params }, timeoutMs), path);
  }

  page<T>(path: string, columns: string[], page: number, pageSize: number, extra: Record<string, string | number | boolean> = {}) {
    return this.get<Page<T>>(path, { columns: columns.join(','), page, page_size: pageSize, ...extra });
  }
}

/**
 * The rows of an answer that must be a list. A node in the middle of a restart can answer a
 * list request with something else; that is a clear refusal, never an exception in a `.map`.
 */
export function expectRows<T>(answer: unknown, path: string): T[] {
  if (Array.isArray(answer)) return answer as T[];
  throw warrenError('MANAGEMENT_UNAVAILABLE', `The management API answered ${path.split('?')[0]} without its list of rows`, {
    hint: 'The broker may be restarting: Warren reads it again shortly, and what is on screen is what it read last.',
  });
}

/** Path segment for a vhost ("/" must be encoded as %2F). */
export function vhostPath(vhost: string): string {
  return encodeURIComponent(vhost);
}

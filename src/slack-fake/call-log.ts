// Every Web API call and response_url post the fake answered, in order.
import type { JsonObject } from "./types.js";

/** response_url posts are logged under this method name. */
export const RESPONSE_URL_METHOD = "response_url";

export interface ApiCall {
  /** "chat.postMessage"…, or "response_url". */
  method: string;
  /** Decoded arguments (JSON fields parsed), without the token. */
  args: JsonObject;
  /** The fake's clock when the call arrived. */
  at: number;
  status: number;
  ok: boolean;
  error?: string;
  response: JsonObject;
  /** True when the answer came from failNext rather than the method. */
  injected: boolean;
}

export class CallLog {
  private readonly entries: ApiCall[] = [];

  record(call: ApiCall): void {
    this.entries.push(call);
  }

  list(method?: string): readonly ApiCall[] {
    return method === undefined ? [...this.entries] : this.entries.filter((c) => c.method === method);
  }

  clear(): void {
    this.entries.length = 0;
  }
}

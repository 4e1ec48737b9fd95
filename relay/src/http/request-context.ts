/** Per-request facts set by the server before a route runs. */
export interface RequestContext {
  requestId: string;
  /** Epoch ms at arrival. */
  startedAt: number;
  /** performance.now() at arrival. */
  t0: number;
}

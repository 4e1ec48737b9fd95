/**
 * Reads the first item of an async iterator before the adapter answers the pipeline, so that
 * an error the upstream sends as its first event becomes a thrown UpstreamError (and the
 * request can fail over) instead of an error in the middle of a stream already started.
 */
export async function peekFirst<T>(
  iter: AsyncGenerator<T>,
): Promise<{ first: T | undefined; rest: AsyncGenerator<T> }> {
  const next = await iter.next();
  return { first: next.done ? undefined : next.value, rest: iter };
}

/** Builds a random-enough id for chunks when the upstream gives none. */
export function chunkId(prefix = 'chatcmpl'): string {
  return `${prefix}-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

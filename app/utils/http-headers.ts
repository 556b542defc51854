/** The Retry-After of a route's action (a 429), for its `headers` export; nothing otherwise. */
export function retryAfterOf(actionHeaders: Headers): HeadersInit {
  const value = actionHeaders.get("retry-after");
  return value ? { "Retry-After": value } : {};
}

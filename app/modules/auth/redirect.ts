/**
 * Where to send someone after signing in. Only paths on this site: "//evil.example" and
 * "/\evil.example" are read by browsers as other hosts, so they fall back too.
 */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = "/incidents"): string {
  if (typeof to !== "string" || !to.startsWith("/") || to.startsWith("//") || to.startsWith("/\\")) return fallback;
  if (/[\u0000-\u001f\u007f]/.test(to)) return fallback;
  return to;
}

// The path of a request as Remix matches it to a route: percent-decoded, without regard to
// case, without the single-fetch ".data" suffix ("/_root.data" is the index) and without
// trailing slashes. The guards in server.ts classify requests by it, so "/ADMIN/users.data"
// and "/%61dmin/users/" are the admin's users page there as they are in Remix. Pure.

export function routePath(rawPath: string): string {
  let path = rawPath.split("?", 1)[0] ?? "";
  try {
    path = decodeURIComponent(path);
  } catch {
    // Not valid percent-encoding: Remix answers it with an error, and it is classified as sent.
  }
  path = path
    .toLowerCase()
    .replace(/\/{2,}/g, "/")
    .replace(/\.data$/, "");
  if (path === "/_root") return "/";
  return path.replace(/\/+$/, "") || "/";
}

/** Whether the path is an API endpoint (JSON in, JSON out). */
export function isApiPath(path: string): boolean {
  return path.startsWith("/api/");
}

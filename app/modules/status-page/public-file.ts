// One answer of the public site as bytes: what the snapshot holds for a path and the fast path
// (server/public-files.ts) writes. Built by the public site (app/public-site); only a type here.

export type PublicFile = {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  headers: Record<string, string>;
};

/** A snapshot's files as the public site rendered them from one PublicPage: a lookup by table key. */
export type RenderedSite = { file(key: string): PublicFile | null };

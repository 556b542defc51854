// How a public path's bytes are wrapped: its headers (type, cache policy, ETag, CSP, who may read
// it from another site), and its gzip copy. Built once per snapshot, served to every reader.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { gzip as gzipCallback } from "node:zlib";
import type { PublicPage } from "~/modules/status-page/model.ts";
import type { PublicFile } from "~/modules/status-page/public-file.ts";
import { env } from "~/utils/env.server.ts";

export const CACHE_CONTROL = "public, max-age=10, stale-while-revalidate=60, stale-if-error=86400";
/** The status pages run one same-origin script and no inline code. */
const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/**
 * The widget is the one page other sites may frame (STATUS_EMBED_ANCESTORS). It runs no script;
 * its self-sizing variant runs one inline script, allowed by its hash: a nonce would have to
 * change with every response, and these bytes are built once and served to every reader.
 */
const embedCsp = (script?: string) =>
  `default-src 'none'; style-src 'self'; img-src 'self' data:; ${script ? `script-src '${scriptHash(script)}'; ` : ""}` +
  `base-uri 'none'; form-action 'none'; frame-ancestors ${env().STATUS_EMBED_ANCESTORS}`;
const scriptHash = (script: string) => `sha256-${createHash("sha256").update(script, "utf8").digest("base64")}`;
/** The API and the feeds are read by other sites' scripts. */
const CORS = { "Access-Control-Allow-Origin": "*" };

const lastModifiedOf = (page: PublicPage) => page.page.updatedAt.toUTCString();

function file(body: string, contentType: string, page: PublicPage, extra: Record<string, string> = {}): PublicFile {
  const bytes = Buffer.from(body, "utf8");
  const etag = `"${createHash("sha1").update(bytes).digest("base64url")}"`;
  return {
    body: bytes,
    gzip: null,
    etag,
    headers: {
      "Content-Type": contentType,
      "Cache-Control": CACHE_CONTROL,
      "Last-Modified": lastModifiedOf(page),
      ETag: etag,
      Vary: "Accept-Encoding",
      ...extra,
    },
  };
}

export const htmlFile = (body: string, page: PublicPage) =>
  file(body, "text/html; charset=utf-8", page, { "Content-Security-Policy": PAGE_CSP });
/** `script`: the one inline script of the self-sizing variant, allowed by its hash. */
export const widgetFile = (body: string, page: PublicPage, script?: string) =>
  file(body, "text/html; charset=utf-8", page, { "Content-Security-Policy": embedCsp(script) });
export const jsonFile = (value: unknown, page: PublicPage) => file(JSON.stringify(value), "application/json; charset=utf-8", page, CORS);
export const feedFile = (body: string, contentType: string, page: PublicPage) => file(body, contentType, page, CORS);

const gzip = promisify(gzipCallback);

/** Compression runs on libuv's thread pool, so readers are served while a snapshot is built. */
export async function compressed(plain: PublicFile): Promise<PublicFile> {
  return plain.body.length > 1024 ? { ...plain, gzip: await gzip(plain.body, { level: 6 }) } : plain;
}

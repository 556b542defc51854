// The fuzz requests' bodies (requests.ts picks one per request): JSON with fields of the wrong kind, broken
// syntax, raw bytes or deep nesting, and forms with the same. Every one is invalid by construction.
import type { DiscoveredRoute } from "./routes.ts";
import { JSON_FIELDS } from "./fields.ts";
import { ODD_TEXT, RAW, RAW_BYTES, UNSTORABLE_TEXT, wrongValue, type Rng } from "./values.ts";

export const enc = (text: string) => encodeURIComponent(text);

/** JSON text with the RAW(...) and raw-number markers replaced by their bytes. */
function jsonBytes(value: unknown): Buffer {
  const text = JSON.stringify(value);
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of text.matchAll(/\\u0001RAW([0-9a-f]+)\\u0001|"\\u0001NUM([^\\"]+)\\u0001"/g)) {
    parts.push(Buffer.from(text.slice(last, m.index), "utf8"), m[1] ? Buffer.from(m[1], "hex") : Buffer.from(m[2], "utf8"));
    last = m.index! + m[0].length;
  }
  parts.push(Buffer.from(text.slice(last), "utf8"));
  return Buffer.concat(parts);
}

function deep(depth: number, open: string, close: string, inner = "1"): string {
  return open.repeat(depth) + inner + close.repeat(depth);
}

/** A body whose fields are all of the wrong kind, carrying odd-but-valid text in other fields. */
function wrongFields(fields: Record<string, { kind: string }>, rng: Rng): Record<string, unknown> {
  const names = Object.keys(fields);
  const broken = Array.from({ length: 1 + rng.int(3) }, () => rng.pick(names));
  const body: Record<string, unknown> = {};
  if (rng.chance(0.4)) for (const name of names) if (fields[name].kind === "text") body[name] = rng.pick([...ODD_TEXT, "y".repeat(20_000)]);
  for (const name of broken) body[name] = wrongValue(fields[name] as never, rng);
  return body;
}

export function jsonBody(route: DiscoveredRoute, method: string, rng: Rng): { mutation: string; body: Buffer } {
  const fields = JSON_FIELDS[`${route.file} ${method}`] ?? Object.entries(JSON_FIELDS).find(([k]) => k.startsWith(`${route.file} `))?.[1];
  const broken = () => (fields ? wrongFields(fields, rng) : { "": rng.pick(UNSTORABLE_TEXT) });
  const text = () => JSON.stringify(broken());
  const variants: [string, () => Buffer | string][] = [
    ["wrong kinds of fields", () => jsonBytes(broken())],
    ["wrong kinds of fields", () => jsonBytes(broken())],
    ["wrong kinds of fields", () => jsonBytes(broken())],
    [
      "repeated key, the last one wrong",
      () => {
        const body = text();
        const [name] = Object.keys(fields ?? { x: 0 });
        return `{"${name}":"Valid looking value",${body.slice(1)}`;
      },
    ],
    [
      "truncated JSON",
      () => {
        const t = text();
        return t.slice(0, 1 + rng.int(t.length - 1));
      },
    ],
    ["trailing comma", () => text().replace(/}$/, ",}")],
    [
      "NaN / Infinity / undefined",
      () => text().replace(/:[^,}]*/, `:${rng.pick(["NaN", "Infinity", "-Infinity", "undefined", "01", "+1", "0x1F", ".5"])}`),
    ],
    ["single quotes", () => text().replace(/"/g, "'")],
    ["a comment", () => text().replace(/^{/, "{/* hi */")],
    ["a byte order mark", () => "\ufeff" + text()],
    ["UTF-16", () => Buffer.from(text(), "utf16le")],
    [
      "raw bytes that are not UTF-8",
      () =>
        Buffer.concat([
          Buffer.from('{"x":"'),
          Buffer.from(rng.pick(RAW_BYTES)),
          Buffer.from('",'),
          Buffer.from(text().slice(1, -1)),
          Buffer.from(""),
        ]),
    ],
    ["not an object", () => rng.pick(["[]", "null", "42", '"a string"', "true", "[{}]", '["title"]'])],
    ["10k deep arrays", () => `{"${rng.pick(Object.keys(fields ?? { x: 0 }))}":${deep(10_000, "[", "]", "{}")}}`],
    ["10k deep objects", () => deep(rng.pick([10_000, 50_000]), '{"a":', "}", "[]")],
    ["5 MB body", () => `{"${rng.pick(Object.keys(fields ?? { x: 0 }))}":"${"z".repeat(5 * 1024 * 1024)}"}`],
  ];
  // The megabytes cost the most time and find the least: one request in a hundred carries them.
  const heavy = variants.length - 1;
  const [mutation, make] = rng.chance(0.01) ? variants[heavy] : variants[rng.int(heavy)];
  const made = make();
  return { mutation, body: typeof made === "string" ? Buffer.from(made, "utf8") : made };
}

export function formBody(route: DiscoveredRoute, rng: Rng): { mutation: string; body: Buffer; contentType: string | null } {
  const names = [...new Set(["intent", ...route.formFields])];
  const value = () => rng.pick([...ODD_TEXT, "x".repeat(rng.pick([10, 2000, 20_000])), RAW(rng.pick(RAW_BYTES)), "", "1", "-1", "true"]);
  const fields: [string, string][] = names.filter(() => rng.chance(0.6)).map((n) => [n, value()]);
  // The one thing that makes the form invalid: a NUL or half a surrogate pair, sometimes in the first of a repeated field.
  const poisoned = rng.pick(names);
  const poison = rng.pick(UNSTORABLE_TEXT.filter((t) => t.includes("\u0000")));
  if (rng.chance(0.5)) fields.push([poisoned, poison], [poisoned, "clean last value"]);
  else fields.splice(rng.int(fields.length + 1), 0, [poisoned, poison]);
  const urlencoded = () => Buffer.from(fields.map(([k, v]) => `${enc(k)}=${enc(v)}`).join("&"));
  const variants: [string, () => { body: Buffer; contentType: string | null }][] = [
    ["a NUL in a field (urlencoded)", () => ({ body: urlencoded(), contentType: "application/x-www-form-urlencoded" })],
    ["a NUL in a field (urlencoded)", () => ({ body: urlencoded(), contentType: "application/x-www-form-urlencoded" })],
    [
      "a NUL in a field (multipart)",
      () => {
        const boundary = "fuzzboundary" + rng.int(1e9);
        const parts = fields.map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`).join("");
        return { body: Buffer.from(`${parts}--${boundary}--\r\n`), contentType: `multipart/form-data; boundary=${boundary}` };
      },
    ],
    ["JSON instead of a form", () => ({ body: Buffer.from(JSON.stringify(Object.fromEntries(fields))), contentType: "application/json" })],
    ["text/plain instead of a form", () => ({ body: urlencoded(), contentType: "text/plain" })],
    ["no content type", () => ({ body: urlencoded(), contentType: null })],
    ["multipart without a boundary", () => ({ body: urlencoded(), contentType: "multipart/form-data" })],
    [
      "multipart cut short",
      () => ({
        body: Buffer.from('--b\r\nContent-Disposition: form-data; name="title"\r\n\r\nunterminated'),
        contentType: "multipart/form-data; boundary=b",
      }),
    ],
    [
      "a form over 256 KB",
      () => ({
        body: Buffer.concat([urlencoded(), Buffer.from(`&title=${"w".repeat(300_000 + rng.int(700_000))}`)]),
        contentType: "application/x-www-form-urlencoded",
      }),
    ],
  ];
  const [mutation, make] = rng.pick(variants);
  return { mutation, ...make() };
}

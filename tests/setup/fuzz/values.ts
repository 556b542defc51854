// The fuzz test's ingredients: a seeded PRNG, values that are wrong for each kind of field, the
// strings that break text handling, and the ids that exist nowhere. Nothing here is valid
// input on purpose: every generated request must be refused (tests/integration/fuzz.test.ts).

/** mulberry32: small, fast, and the same sequence for the same seed on every machine. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
  };
}
export type Rng = ReturnType<typeof prng>;

/** Marks a place in a JSON text where raw bytes (not valid UTF-8) are spliced in when sent. */
export const RAW = (bytes: number[]) => `\u0001RAW${Buffer.from(bytes).toString("hex")}\u0001`;
/** Byte sequences a lax decoder might read as "/" or a surrogate: overlong forms, CESU, past U+10FFFF, a lone continuation. */
export const RAW_BYTES = [[0xc0, 0xaf], [0xe0, 0x80, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0x80], [0xff, 0xfe]];

/** Text a person can type (valid, storable) that often trips up code: direction overrides, combining marks, emoji, noncharacters. */
export const ODD_TEXT = [
  "\u202egnp.exe",
  "e\u0301\u0301\u0301\u0301",
  "\ud83d\udca5\ud83e\uddd1\u200d\ud83d\ude92",
  "\uffff\ufffe",
  "\ufeffBOM",
  "ＳＥＶ１",
  "\u200b",
  "a\u2028\u2029",
  "' OR 1=1 --",
  "<script>alert(1)</script>",
  "{{ 7 * 7 }}{% raw %}",
  "../../etc/passwd",
  "%00%2e%2e",
  "\r\nSet-Cookie: x=1",
];

/** Text no database here can store: the app must refuse it before it reaches a query. */
export const UNSTORABLE_TEXT = ["nul\u0000here", "\u0000", "half \ud800 a pair", "\udfff", "end\ud83d"];

/** Values that break a field of each kind. `nullable` fields accept null, so it is left out for them. */
export type FieldKind = "text" | "choice" | "int" | "percent" | "bool" | "list" | "time" | "object" | "body";
export type FieldSpec = { kind: FieldKind; nullable?: boolean };

const decorated = (rng: Rng) => rng.pick([...ODD_TEXT, ...UNSTORABLE_TEXT, RAW(rng.pick(RAW_BYTES)), "", " ", "x".repeat(300_000)]);

export function wrongValue(spec: FieldSpec, rng: Rng): unknown {
  const choices: Record<FieldKind, () => unknown[]> = {
    text: () => [42, -1, 1.5, true, false, null, [], ["a"], {}, { a: 1 }, [{}], rng.pick(UNSTORABLE_TEXT), "x".repeat(1024 * 1024)],
    // A string outside a fixed set (an enum, an email, a URL, a literal): any odd text will do.
    choice: () => [42, true, null, [], {}, decorated(rng), decorated(rng)],
    int: () => ["5", "0x10", 5.5, true, null, [], {}, "NaN", 1e21, -1e21, 2 ** 53 + 1, RAW_NUMBER],
    // A percentage (an SLA target): a number above 0 and below 100.
    percent: () => ["99.9", "99.9%", true, null, [], {}, 0, 100, 150, -1, 1e21, RAW_NUMBER],
    bool: () => ["true", "false", 1, 0, null, [], {}, "yes"],
    list: () => ["a", 1, {}, true, null, [42], [null], [[]], [rng.pick(UNSTORABLE_TEXT)], Array.from({ length: 5000 }, () => 42)],
    // Times are coerced (a number or a string): only what cannot be a storable time breaks them.
    time: () => [
      {},
      "after lunch",
      "",
      "+099999-01-01T00:00:00Z",
      "-000001-01-01T00:00:00Z",
      -8.64e15,
      8.64e15,
      "2026-13-45T99:00:00Z",
      "1969-12-31T23:59:59Z",
      "soon\u0301",
    ],
    object: () => [42, "doc", true, [], null, [{}], rng.pick(UNSTORABLE_TEXT)],
    body: () => [
      42,
      true,
      null,
      [],
      {},
      "   ",
      { type: "doc" },
      { type: "doc", content: "x" },
      rng.pick(UNSTORABLE_TEXT),
      "x".repeat(1024 * 1024),
    ],
  };
  const options = choices[spec.kind]().filter((v) => !(spec.nullable && v === null));
  return rng.pick(options);
}

/** A number JSON allows but no int field takes: spliced in raw (JSON.stringify would write null). */
export const RAW_NUMBER = "\u0001NUM1e309\u0001";

/**
 * Ids that name nothing, in a path: traversal, encoded slashes and NULs, broken percent
 * escapes, very long ids, unicode ids, references past any counter. Already URL-encoded.
 */
export function bogusId(rng: Rng, wrongKind: string[]): string {
  return rng.pick([
    "..",
    "%2e%2e",
    "%2E%2E%2F%2E%2E",
    "%2f",
    "a%2fb",
    "%5c..%5c",
    "%00",
    "x%00y",
    "%",
    "%zz",
    "%c0%af",
    "%ed%a0%80",
    "%ff%fe",
    "%F0%9F%92%A5",
    "%E2%80%AEtxt",
    "e%CC%81%CC%81",
    "%EF%BF%BF",
    "%20",
    "x".repeat(rng.pick([65, 200, 5000, 12_000])),
    "9".repeat(40),
    "INC-0",
    "INC--1",
    "INC-99999999999999999999",
    "INC-2147483648",
    "INC-1e3",
    "inc-%F0%9F%92%A5",
    "-1",
    "0",
    "null",
    "undefined",
    "%5Bobject%20Object%5D",
    "'%20OR%201=1--",
    "%0d%0aSet-Cookie:%20x=1",
    ...(wrongKind.length ? [rng.pick(wrongKind), rng.pick(wrongKind), rng.pick(wrongKind)] : []),
  ]);
}

// The subscriber CSV an admin imports and exports: what is accepted, what is refused and why.
import { describe, expect, it } from "vitest";
import { readCsvRecords } from "~/utils/csv.ts";
import { MAX_IMPORT_ROWS, parseSubscriberImport, subscribersToCsv, type CsvComponent } from "./csv.ts";

const NOW = new Date("2026-11-23T12:00:00Z");
const COMPONENTS: CsvComponent[] = [
  { id: "msgend7q3k1p", name: "Messages endpoint", group: "API" },
  { id: "batend2w8r5t", name: "Batch endpoint", group: "API" },
  { id: "webapp9c4f2z", name: "Web app", group: "Apps" },
  { id: "statusweb001", name: "Status", group: "API" },
  { id: "statusapp001", name: "Status", group: "Apps" },
];

const parse = (text: string) => parseSubscriberImport(text, COMPONENTS, NOW);

describe("importing subscribers from CSV", () => {
  it("reads addresses, consent dates and components by name or id", () => {
    const result = parse(
      [
        "email,confirmed_at,components",
        "Ada@Example.com,2025-03-01,",
        'bob@example.com,2025-03-01T09:30:00+01:00,"Messages endpoint; webapp9c4f2z"',
        "cy@example.com,2025-04-02 08:00,API - Status",
      ].join("\r\n"),
    );
    expect(result).toEqual({
      ok: true,
      rows: [
        { line: 2, email: "ada@example.com", confirmedAt: new Date("2025-03-01T00:00:00Z"), components: [] },
        { line: 3, email: "bob@example.com", confirmedAt: new Date("2025-03-01T08:30:00Z"), components: ["msgend7q3k1p", "webapp9c4f2z"] },
        { line: 4, email: "cy@example.com", confirmedAt: new Date("2025-04-02T08:00:00Z"), components: ["statusweb001"] },
      ],
    });
  });

  it("accepts columns in any order, a byte-order mark and no components column", () => {
    const result = parse("\uFEFFconfirmed_at,Email\n2024-12-31,ada@example.com\n\n");
    expect(result.ok && result.rows.map((r) => r.email)).toEqual(["ada@example.com"]);
  });

  it("imports nothing when any row is bad, and says which line and why", () => {
    const result = parse(
      [
        "email,confirmed_at,components",
        "ok@example.com,2025-01-01,",
        "not-an-address,2025-01-01,",
        "late@example.com,2027-01-01,",
        "when@example.com,01/02/2025,",
        "what@example.com,2025-01-01,Nonexistent",
        "which@example.com,2025-01-01,Status",
        "OK@example.com,2025-01-02,",
        "evil@example.com\r\nBcc: x@example.com,2025-01-01,",
      ].join("\n"),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.map((e) => e.line)).toEqual([3, 4, 5, 6, 7, 8, 9, 10]);
    expect(result.errors[0].reason).toMatch(/email must be an email address/);
    expect(result.errors[1].reason).toMatch(/confirmed_at must not be in the future/);
    expect(result.errors[2].reason).toMatch(/confirmed_at must be an ISO-8601 date/);
    expect(result.errors[3].reason).toBe('no component "Nonexistent"');
    expect(result.errors[4].reason).toMatch(/"Status" is ambiguous/);
    expect(result.errors[5].reason).toBe("the address ok@example.com is already on line 2");
  });

  it("counts lines of quoted cells that span lines, so errors point at the right line", () => {
    const result = parse('email,confirmed_at,components\n"a@example.com",2025-01-01,"Web app;\nBatch endpoint"\nbad,2025-01-01,\n');
    expect(result).toEqual({ ok: false, errors: [{ line: 4, reason: "email must be an email address" }] });
  });

  it("refuses a file without the needed columns, an unclosed quote, too many rows or bytes", () => {
    expect(parse("mail,date\nx@example.com,2025-01-01")).toEqual({
      ok: false,
      errors: [{ line: 1, reason: "the header has no email and no confirmed_at column" }],
    });
    expect(parse('email,confirmed_at\n"a@example.com,2025-01-01\n')).toEqual({
      ok: false,
      errors: [{ line: 2, reason: "a quoted cell is never closed" }],
    });
    expect(parse("")).toMatchObject({ ok: false, errors: [{ line: 1 }] });
    const many = ["email,confirmed_at", ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `u${i}@example.com,2025-01-01`)].join(
      "\n",
    );
    expect(parse(many)).toEqual({
      ok: false,
      errors: [{ line: MAX_IMPORT_ROWS + 2, reason: `more than ${MAX_IMPORT_ROWS} rows; split the file` }],
    });
    const big = `email,confirmed_at\n${"x".repeat(2 * 1024 * 1024)}`;
    expect(parse(big)).toEqual({ ok: false, errors: [{ line: 0, reason: "the file is larger than 2 MB" }] });
  });
});

describe("exporting subscribers as CSV", () => {
  it("writes the import's columns, quoting and defusing spreadsheet formulas", () => {
    const csv = subscribersToCsv([
      { email: "ada@example.com", confirmedAt: "2025-03-01T00:00:00.000Z", components: [] },
      { email: "bob@example.com", confirmedAt: "2025-03-02T00:00:00.000Z", components: ["Web app", "=HYPERLINK(1)", 'Say "hi", ok'] },
    ]);
    expect(csv).toBe(
      'email,confirmed_at,components\r\nada@example.com,2025-03-01T00:00:00.000Z,\r\nbob@example.com,2025-03-02T00:00:00.000Z,"Web app;=HYPERLINK(1);Say ""hi"", ok"\r\n',
    );
  });

  it("reads back what it wrote", () => {
    const csv = subscribersToCsv([
      { email: "bob@example.com", confirmedAt: "2025-03-02T00:00:00.000Z", components: ["Web app", "Batch endpoint"] },
    ]);
    expect(parse(csv)).toEqual({
      ok: true,
      rows: [
        { line: 2, email: "bob@example.com", confirmedAt: new Date("2025-03-02T00:00:00Z"), components: ["webapp9c4f2z", "batend2w8r5t"] },
      ],
    });
    expect(readCsvRecords('a,"b\r\nc",d\r\n').records).toEqual([{ line: 1, cells: ["a", "b\r\nc", "d"] }]);
  });
});

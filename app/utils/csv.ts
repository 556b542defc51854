// CSV both ways, without I/O, for every download and upload (subscribers, insights, the audit
// log): RFC 4180 records in, cells out with spreadsheet formulas defused.

export type CsvRecord = { line: number; cells: string[] };
/** Where a file stops being CSV: the record's first line and why. */
export type CsvError = { line: number; reason: string };

/** RFC 4180 records: quoted cells may hold commas, quotes ("") and line breaks. Blank lines are skipped. */
export function readCsvRecords(text: string): { records: CsvRecord[]; error: CsvError | null } {
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  let touched = false;
  const endRecord = () => {
    cells.push(cell);
    if (touched || cells.length > 1 || cell.trim() !== "") records.push({ line: start, cells });
    cells = [];
    cell = "";
    touched = false;
  };
  const body = text.replace(/^\uFEFF/, "");
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === "\n") line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === "") {
      quoted = true;
      touched = true;
      cell = "";
    } else if (ch === ",") {
      cells.push(cell);
      cell = "";
      touched = true;
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && body[i + 1] === "\n") i++;
      endRecord();
      line++;
      start = line;
    } else cell += ch;
  }
  if (quoted) return { records, error: { line: start, reason: "a quoted cell is never closed" } };
  if (cell !== "" || cells.length) endRecord();
  return { records, error: null };
}

/** A cell as CSV: quoted when needed; a leading =, +, - or @ is defused so a spreadsheet shows it as text. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

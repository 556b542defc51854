// The variables a post-mortem section template may use, described for the admin page with
// the sample incident's values. Pure: no I/O.
import { sampleSource } from "./sample-source.ts";
import { sectionVariables } from "./variables.ts";

function describe(value: unknown): string | string[] {
  if (Array.isArray(value)) {
    const first = value[0];
    if (first && typeof first === "object") return [`a list of {${Object.keys(first).join(", ")}}`];
    return value.map(String);
  }
  return String(value);
}

/** Every variable path ("incident.started.at", "moments") with its sample value. */
export function sectionVariableList(): { name: string; sample: string | string[] }[] {
  const out: { name: string; sample: string | string[] }[] = [];
  const walk = (prefix: string, value: unknown) => {
    if (value && typeof value === "object" && !Array.isArray(value)) {
      for (const [key, child] of Object.entries(value)) walk(prefix ? `${prefix}.${key}` : key, child);
    } else out.push({ name: prefix, sample: describe(value) });
  };
  walk("", sectionVariables(sampleSource(), "Etc/UTC", new Date(Date.UTC(2026, 10, 6))));
  return out;
}

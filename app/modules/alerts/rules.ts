// How an alert becomes an incident's severity and affected components: the organisation's
// rules (which label, which values), set by admins on /admin/settings. Pure: no I/O.
import { z } from "zod";
import { SEVERITIES, type ComponentImpactName, type SeverityName } from "~/modules/incidents/lifecycle.ts";

export type SeverityRules = {
  /** label value (lowercase) → severity */
  values: Record<string, SeverityName>;
  /** alerts whose label is missing or has another value */
  otherwise: SeverityName;
};

export type AlertRules = {
  severityLabel: string;
  severityRules: SeverityRules;
  componentLabel: string;
};

export const DEFAULT_SEVERITY_RULES_TEXT = ["critical = SEV1", "high, error = SEV2", "warning = SEV3", "info = SEV4", "* = SEV3"].join(
  "\n",
);
export const DEFAULT_SEVERITY_LABEL = "severity";
export const DEFAULT_COMPONENT_LABEL = "component";
const MAX_RULE_LINES = 100;

export type ParsedSeverityRules = { ok: true; rules: SeverityRules } | { ok: false; error: string };

/**
 * Reads the line-based mapping: `value[, value…] = SEVn` per line, `*` for every other value
 * (and for alerts without the label; SEV3 when there is no `*` line), `#` starts a comment.
 * Values are compared case-insensitively.
 */
export function parseSeverityRules(text: string): ParsedSeverityRules {
  const values: Record<string, SeverityName> = {};
  let otherwise: SeverityName | null = null;
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  if (lines.length > MAX_RULE_LINES) return { ok: false, error: `must have at most ${MAX_RULE_LINES} lines` };
  for (const [index, raw] of lines.entries()) {
    const line = raw.replace(/#.*$/, "").trim();
    if (!line) continue;
    const where = `line ${index + 1}`;
    const match = /^([^=]+)=([^=]+)$/.exec(line);
    if (!match) return { ok: false, error: `${where}: write it as "value = SEV1" (or "* = SEV3" for any other value)` };
    const severity = match[2].trim().toUpperCase();
    if (!(SEVERITIES as readonly string[]).includes(severity))
      return { ok: false, error: `${where}: "${match[2].trim()}" is not one of ${SEVERITIES.join(", ")}` };
    for (const value of match[1].split(",").map((v) => v.trim().toLowerCase())) {
      if (!value) return { ok: false, error: `${where}: a label value is empty` };
      if (value === "*") {
        if (otherwise) return { ok: false, error: `${where}: "*" is given twice` };
        otherwise = severity as SeverityName;
      } else {
        if (values[value]) return { ok: false, error: `${where}: "${value}" is given twice` };
        values[value] = severity as SeverityName;
      }
    }
  }
  return { ok: true, rules: { values, otherwise: otherwise ?? "SEV3" } };
}

export const DEFAULT_ALERT_RULES: AlertRules = {
  severityLabel: DEFAULT_SEVERITY_LABEL,
  severityRules: (parseSeverityRules(DEFAULT_SEVERITY_RULES_TEXT) as { ok: true; rules: SeverityRules }).rules,
  componentLabel: DEFAULT_COMPONENT_LABEL,
};

/** Prometheus' rule for label names. */
const LabelName = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(100)
  .regex(/^[a-zA-Z_][a-zA-Z0-9_]*$/, "must be a label name: letters, digits and _, not starting with a digit");

/** What an admin edits: the two label names and the mapping as text (kept as written, comments too). */
export const AlertRulesFormSchema = z.object({
  severityLabel: LabelName,
  severityRules: z
    .string()
    .max(5000)
    .transform((text) => text.replace(/\r\n?/g, "\n").trim())
    .superRefine((text, ctx) => {
      const parsed = parseSeverityRules(text);
      if (!parsed.ok) ctx.addIssue({ code: "custom", message: parsed.error });
    }),
  componentLabel: LabelName,
});
export type AlertRulesForm = z.output<typeof AlertRulesFormSchema>;

/** The stored settings as rules; a mapping that no longer parses (edited by hand) falls back to the default. */
export function alertRulesFrom(stored: { severityLabel: string; severityRules: string | null; componentLabel: string }): AlertRules {
  const parsed = parseSeverityRules(stored.severityRules ?? DEFAULT_SEVERITY_RULES_TEXT);
  return {
    severityLabel: stored.severityLabel,
    severityRules: parsed.ok ? parsed.rules : DEFAULT_ALERT_RULES.severityRules,
    componentLabel: stored.componentLabel,
  };
}

export function severityFromLabels(labels: Record<string, string>, rules: AlertRules): SeverityName {
  const value = labels[rules.severityLabel]?.trim().toLowerCase();
  return (value && rules.severityRules.values[value]) || rules.severityRules.otherwise;
}

/** SEV1 before SEV2…: the incident takes the most severe of its alerts. */
export function mostSevere(severities: SeverityName[]): SeverityName | null {
  return severities.length ? [...severities].sort()[0] : null;
}

const IMPACT_BY_SEVERITY: Record<SeverityName, ComponentImpactName> = {
  SEV1: "major_outage",
  SEV2: "partial_outage",
  SEV3: "degraded_performance",
  SEV4: "degraded_performance",
};

export function impactForSeverity(severity: SeverityName): ComponentImpactName {
  return IMPACT_BY_SEVERITY[severity];
}

/** The component names an alert's label gives: one, or several separated by commas. */
export function componentNamesFromLabels(labels: Record<string, string>, rules: AlertRules): string[] {
  return splitNames(labels[rules.componentLabel] ?? "");
}

export function splitNames(value: string): string[] {
  const names = value
    .split(",")
    .map((name) => name.trim())
    .filter(Boolean);
  return [...new Map(names.map((name) => [name.toLowerCase(), name])).values()];
}

export type CatalogComponent = { id: string; name: string; isGroup: boolean };

export type ComponentMatch = {
  matched: { id: string; name: string }[];
  /** names no component has */
  unknown: string[];
  /** names of groups: an incident names the components in a group, not the group */
  groups: string[];
};

/** Matches names case-insensitively against the catalog; names nothing matches are reported, not guessed. */
export function matchComponents(names: string[], catalog: CatalogComponent[]): ComponentMatch {
  const byName = new Map(catalog.map((c) => [c.name.trim().toLowerCase(), c]));
  const result: ComponentMatch = { matched: [], unknown: [], groups: [] };
  for (const name of names) {
    const component = byName.get(name.toLowerCase());
    if (!component) result.unknown.push(name);
    else if (component.isGroup) result.groups.push(component.name);
    else if (!result.matched.some((m) => m.id === component.id)) result.matched.push({ id: component.id, name: component.name });
  }
  return result;
}

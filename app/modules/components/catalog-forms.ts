// The catalog page's forms post plain fields; this shapes them into the objects the JSON
// API takes, so both go through ComponentInputSchema / ComponentPatchSchema and one module.
// Pure: no I/O.
import type { ComponentView } from "./view.ts";
import type { FormOutcome } from "~/utils/form-outcome.ts";

/** What a component form posted, also handed back so a page without JavaScript keeps the input. */
export type ComponentFormValues = {
  intent?: string;
  id?: string;
  direction?: string;
  name?: string;
  description?: string | null;
  groupId?: string | null;
  group?: boolean;
  regions?: string[];
  /** as typed: a number, or text the API's schema refuses with its reason */
  slaTarget?: number | string | null;
};

export function componentFromForm(form: FormData): ComponentFormValues {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  const intent = text("intent");
  if (intent === "move") return { intent, id: text("id"), direction: text("direction") };
  const fields = {
    name: text("name") ?? "",
    description: text("description") || null,
    // an empty choice means "not in a group"
    groupId: text("groupId") || null,
    regions: form.getAll("regions").filter((r): r is string => typeof r === "string"),
    slaTarget: percentage(text("slaTarget")),
  };
  if (intent === "update") return { intent, id: text("id"), ...fields };
  return { intent, ...fields, group: form.get("group") === "on" };
}

/** "99.95" as a number; empty as null (no target of its own); anything else stays text for the schema to refuse. */
function percentage(typed: string | undefined): number | string | null {
  const value = typed?.trim().replace(/%$/, "").trim() ?? "";
  if (!value) return null;
  return /^\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/** Which form on the page a submission came from, so its errors show beside it. */
export function componentFormKey(values: ComponentFormValues): string {
  return values.intent === "update" || values.intent === "move" ? `${values.intent}:${values.id ?? ""}` : "create";
}

/** Field errors keyed by field: "regions.2" (the third region) belongs to the regions field. */
export function errorsByField(errors: Record<string, string>): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) fields[key.split(".")[0]] ??= message;
  return fields;
}

/** The catalog as the page shows it: each group with its members, and runs of ungrouped components. */
export type CatalogBlock =
  { kind: "group"; group: ComponentView; members: ComponentView[] } | { kind: "ungrouped"; components: ComponentView[] };

export function catalogBlocks(components: ComponentView[]): CatalogBlock[] {
  const blocks: CatalogBlock[] = [];
  for (const c of components) {
    if (c.group) blocks.push({ kind: "group", group: c, members: components.filter((m) => m.groupId === c.id) });
    else if (c.groupId) continue;
    else {
      const last = blocks.at(-1);
      if (last?.kind === "ungrouped") last.components.push(c);
      else blocks.push({ kind: "ungrouped", components: [c] });
    }
  }
  return blocks;
}

/** What the catalog page's action answers for one of its forms. */
export type CatalogFormOutcome = FormOutcome<{ added?: { id: string; name: string; group: boolean } }, { values: ComponentFormValues }>;

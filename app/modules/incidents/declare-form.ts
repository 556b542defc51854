// The declare form's errors, each next to its field and naming it ("Title: must not be empty"),
// from the same field errors the API answers with ("components.0.id": "no such component").
// Pure: the route gives the posted components' names.

export const DECLARE_FIELD_LABELS = {
  title: "Title",
  severity: "Severity",
  summary: "Summary",
  components: "Affected components",
  regions: "Regions",
  startedAt: "Started",
  detectedAt: "Detected",
  commanderId: "Incident commander",
} as const;
export type DeclareField = keyof typeof DECLARE_FIELD_LABELS | "_";

/**
 * Field errors keyed by the form's fields, each starting with the field's name; an error of one
 * component in the list names that component ("Affected components: Messages: must be one of …").
 * `posted` is the components in the order they were posted (what `components.N` counts).
 */
export function declareFormErrors(
  fields: Record<string, string>,
  posted: { id: string; name: string | null }[],
): Partial<Record<DeclareField, string>> {
  const errors: Partial<Record<DeclareField, string>> = {};
  const add = (field: DeclareField, text: string) => {
    errors[field] = errors[field] ? `${errors[field]} ${text}` : text;
  };
  for (const [key, reason] of Object.entries(fields)) {
    const [head, index] = key.split(".");
    if (head === "_" || !(head in DECLARE_FIELD_LABELS)) {
      if (key !== "_") add("_", `${key}: ${reason}.`);
      continue;
    }
    const field = head as keyof typeof DECLARE_FIELD_LABELS;
    const item = index === undefined ? null : field === "components" ? posted[Number(index)] : null;
    const which = item
      ? `${item.name ?? `“${item.id}”`}: `
      : field === "regions" && index !== undefined
        ? `region ${Number(index) + 1}: `
        : "";
    add(field, `${DECLARE_FIELD_LABELS[field]}: ${which}${reason}`);
  }
  const count = Object.keys(errors).filter((k) => k !== "_").length;
  if (count)
    errors._ = `${count === 1 ? "One field needs" : `${count} fields need`} attention: ${Object.entries(errors)
      .filter(([k]) => k !== "_")
      .map(([, v]) => v)
      .join("; ")}.${errors._ ? ` ${errors._}` : ""}`;
  else if (fields._) errors._ = fields._;
  return errors;
}

// The audit log's filters: a GET form, so a filtered view is a URL to share. The date range is
// read in the admin's time zone; what it means in UTC is shown under it.
import { Form, Link } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { SelectField, TextField } from "~/components/ui/field.tsx";
import { actionInWords, entityTypeInWords } from "~/modules/audit/describe.ts";
import { inUtc, readerTime } from "~/utils/time.ts";

export type AuditFilterValues = Partial<Record<"actor" | "action" | "entityType" | "entityId" | "from" | "to", string>>;

type Choices = {
  people: { id: string; name: string; email: string }[];
  tokens: { id: string; name: string; owner: string; revoked: boolean }[];
  actions: string[];
  entityTypes: string[];
};

/** A value in the URL that the list no longer offers still shows as chosen. */
const withCurrent = (values: string[], current: string | undefined) =>
  current && !values.includes(current) ? [...values, current] : values;

/** A shared URL may carry a time or an instant, which a date input would drop. */
const dateInputType = (value: string | undefined) => (value && value.length > 10 ? "text" : "date");

export function AuditFilters({
  values,
  errors,
  choices,
  timeZone,
  range,
  exportQuery,
}: {
  values: AuditFilterValues;
  errors: Record<string, string>;
  choices: Choices;
  timeZone: string;
  range: { from: string | null; before: string | null };
  exportQuery: string;
}) {
  const actorKnown =
    values.actor === "system" ||
    choices.people.some((p) => `user:${p.id}` === values.actor) ||
    choices.tokens.some((t) => `token:${t.id}` === values.actor);
  return (
    <Form method="get" aria-label="Filter the audit log" className="mb-4 rounded-lg border border-slate-300 bg-white p-3">
      <div className="grid gap-x-4 sm:grid-cols-2 lg:grid-cols-3">
        <SelectField label="Who" name="actor" defaultValue={values.actor ?? ""} error={errors.actor}>
          <option value="">Anyone</option>
          <option value="system">The app itself (no person)</option>
          <optgroup label="People (also through their API tokens)">
            {choices.people.map((p) => (
              <option key={p.id} value={`user:${p.id}`}>
                {p.name} ({p.email})
              </option>
            ))}
          </optgroup>
          <optgroup label="API tokens">
            {choices.tokens.map((t) => (
              <option key={t.id} value={`token:${t.id}`}>
                {t.name} ({t.owner}){t.revoked ? ", revoked" : ""}
              </option>
            ))}
          </optgroup>
          {values.actor && !actorKnown ? <option value={values.actor}>{values.actor}</option> : null}
        </SelectField>
        <SelectField label="Action" name="action" defaultValue={values.action ?? ""} error={errors.action}>
          <option value="">Any action</option>
          {withCurrent(choices.actions, values.action).map((a) => (
            <option key={a} value={a}>
              {actionInWords(a)} ({a})
            </option>
          ))}
        </SelectField>
        <SelectField label="Entity type" name="entityType" defaultValue={values.entityType ?? ""} error={errors.entityType}>
          <option value="">Any type</option>
          {withCurrent(choices.entityTypes, values.entityType).map((t) => (
            <option key={t} value={t}>
              {entityTypeInWords(t)}
            </option>
          ))}
        </SelectField>
        <TextField
          label="Entity id"
          name="entityId"
          defaultValue={values.entityId ?? ""}
          error={errors.entityId}
          hint="The id of one incident, update, user…"
        />
        <TextField
          label={`From (${timeZone})`}
          name="from"
          type={dateInputType(values.from)}
          defaultValue={values.from ?? ""}
          error={errors.from}
          hint={
            range.from
              ? `From ${readerTime(range.from, timeZone, "d MMM yyyy HH:mm").text}, ${inUtc(range.from, "d MMM yyyy HH:mm")}`
              : "The day it starts, in your time zone"
          }
        />
        <TextField
          label={`To (${timeZone})`}
          name="to"
          type={dateInputType(values.to)}
          defaultValue={values.to ?? ""}
          error={errors.to}
          hint={
            range.before
              ? `Until ${readerTime(range.before, timeZone, "d MMM yyyy HH:mm").text}, ${inUtc(range.before, "d MMM yyyy HH:mm")} (the whole day)`
              : "The last day, included"
          }
        />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit">Filter</Button>
        <Link to="/admin/audit" className="text-sm">
          Clear filters
        </Link>
        <span className="ml-auto text-sm text-slate-700">
          Export these events:{" "}
          <a href={`/admin/audit.csv${exportQuery ? `?${exportQuery}` : ""}`} download>
            CSV
          </a>{" "}
          ·{" "}
          <a href={`/admin/audit.jsonl${exportQuery ? `?${exportQuery}` : ""}`} download>
            JSON Lines
          </a>
        </span>
      </div>
    </Form>
  );
}

// Webhook endpoints: add one (URL, secret, events), see its recent deliveries with their
// status codes, remove it. The rules (which URLs may be reached) live in delivery/webhooks.server.ts.
import { Time } from "~/components/ui/time.tsx";
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextField } from "~/components/ui/field.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { NewWebhookSchema, WEBHOOK_EVENTS } from "~/modules/delivery/webhook-schema.ts";
import { createWebhook, listWebhooks, removeWebhook } from "~/modules/delivery/webhooks.server.ts";
import { readForm, readIntent, unhandledIntent } from "~/utils/form.server.ts";
import { outcomeErrors, type FormOutcome } from "~/utils/form-outcome.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { formFailed, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const EVENT_LABELS: Record<(typeof WEBHOOK_EVENTS)[number], string> = {
  incident: "Every published incident or maintenance update",
  component: "Every public component status change",
};

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "delivery:admin");
  return { webhooks: await listWebhooks(), timeZone: actor.timeZone };
});

const Intent = z.enum(["add", "remove"]);

/** What the page's forms answer: the add form ("add") or an endpoint's Remove button ("remove"). */
export type WebhookOutcome = FormOutcome<{ removed: boolean }>;

/** The form that answers: a Remove button, or the add form (the page's main form, also for an unknown intent). */
function formOf(sent: FormDataEntryValue | null): z.output<typeof Intent> {
  switch (sent) {
    case "remove":
      return "remove";
    default:
      return "add";
  }
}

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "delivery:admin");
  const form = await readForm(request);
  const answering = formOf(form.get("intent"));
  try {
    // the page's main form (add a destination) names no intent
    const intent = readIntent(form, Intent, "add");
    switch (intent) {
      case "remove":
        await removeWebhook(actor, String(form.get("id") ?? ""));
        return data<WebhookOutcome>({ ok: true, form: "remove", removed: true });
      case "add": {
        const parsed = NewWebhookSchema.safeParse({ url: form.get("url"), secret: form.get("secret"), events: form.getAll("events") });
        if (!parsed.success) return data<WebhookOutcome>({ ok: false, form: "add", errors: fieldErrors(parsed.error) }, { status: 422 });
        await createWebhook(actor, parsed.data);
        return data<WebhookOutcome>({ ok: true, form: "add", removed: false });
      }
      default:
        return unhandledIntent(intent);
    }
  } catch (error) {
    return formFailed(error, { form: answering });
  }
});

export default function AdminWebhooks() {
  const { webhooks } = useLoaderData<typeof loader>();
  const result = useActionData<WebhookOutcome>();
  const busy = useNavigation().state !== "idle";
  // a refusal of either form is shown in the add form, as before
  const errors = outcomeErrors(result);
  return (
    <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
      <section aria-labelledby="endpoints-heading" className="min-w-0 space-y-3">
        <h2 id="endpoints-heading" className="text-lg font-semibold">
          Endpoints
        </h2>
        {webhooks.length === 0 ? <p className="text-sm text-slate-600">No webhook endpoints yet.</p> : null}
        {webhooks.map((hook) => (
          <article key={hook.id} className="rounded-lg border border-slate-300 bg-white p-3 text-sm shadow-sm" data-testid="webhook">
            <div className="flex flex-wrap items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="break-all font-mono text-slate-900">{hook.url}</p>
                <p className="text-xs text-slate-600">
                  {hook.events.map((e) => EVENT_LABELS[e as keyof typeof EVENT_LABELS] ?? e).join(" · ")}
                </p>
              </div>
              <Form method="post">
                <input type="hidden" name="id" value={hook.id} />
                <Button type="submit" name="intent" value="remove" variant="danger" disabled={busy}>
                  Remove
                </Button>
              </Form>
            </div>
            <h3 className="mt-2 text-xs font-semibold uppercase tracking-wide text-slate-600">Recent deliveries</h3>
            {hook.recent.length ? (
              <ul className="mt-1 divide-y divide-slate-100">
                {hook.recent.map((d, i) => (
                  <li key={i} className="flex flex-wrap gap-x-3 py-1 text-xs">
                    <Time at={d.at} format="d MMM HH:mm:ss" className="font-mono text-slate-700" />
                    <span
                      className={
                        d.state === "sent" ? "text-green-800" : d.state === "dead" ? "font-semibold text-red-800" : "text-amber-900"
                      }
                    >
                      {d.state}
                    </span>
                    <span className="font-mono">{d.status ?? "no answer"}</span>
                    {d.error ? <span className="text-slate-700">{d.error}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-xs text-slate-600">Nothing sent yet.</p>
            )}
          </article>
        ))}
      </section>
      <section aria-labelledby="add-heading">
        <Form method="post" className="rounded-lg border border-slate-300 bg-white p-4 shadow-sm">
          <h2 id="add-heading" className="mb-2 text-lg font-semibold">
            Add an endpoint
          </h2>
          <TextField
            label="URL"
            name="url"
            type="url"
            required
            placeholder="https://hooks.example.com/statuspage"
            error={errors.url ?? errors._}
          />
          <TextField
            label="Secret"
            name="secret"
            required
            minLength={16}
            error={errors.secret}
            hint="At least 16 characters; it signs every call (X-Signature, HMAC-SHA256)."
          />
          <fieldset className="mb-3">
            <legend className="text-sm font-medium text-slate-800">Events</legend>
            {WEBHOOK_EVENTS.map((event) => (
              <label key={event} className="mt-1 flex items-center gap-2 text-sm">
                <input type="checkbox" name="events" value={event} defaultChecked={event === "incident"} /> {EVENT_LABELS[event]}
              </label>
            ))}
            {errors.events ? (
              <p role="alert" className="mt-1 text-sm text-red-700">
                {errors.events}
              </p>
            ) : null}
          </fieldset>
          <Button type="submit" name="intent" value="add" disabled={busy}>
            Add endpoint
          </Button>
          {result?.ok ? (
            <p role="status" className="mt-2 text-sm text-green-800">
              {result.removed ? "Removed." : "Added."}
            </p>
          ) : null}
        </Form>
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Webhooks · Admin · Incident Desk" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

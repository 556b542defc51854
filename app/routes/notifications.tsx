// Your notifications, newest first: opening one marks it read and goes where it points;
// "Mark all read" empties the bell. Both are small forms (they work without JavaScript).
import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, redirect, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { Button } from "~/components/ui/button.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listNotifications, markNotificationsRead, openNotification } from "~/modules/notifications/notifications.server.ts";
import { outcomeErrors, type FormOutcome } from "~/utils/form-outcome.ts";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { inUtc, inZone } from "~/utils/time.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const NotificationFormSchema = z.discriminatedUnion(
  "intent",
  [
    z.object({
      intent: z.literal("open"),
      id: z.string({ message: "say which notification" }).min(1, "say which notification").max(64, "not a notification id"),
    }),
    z.object({ intent: z.literal("read-all") }),
  ],
  { message: "unknown action" },
);

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  return { ...(await listNotifications(actor.userId, { limit: 50 })), timeZone: actor.timeZone };
});

/** What the page's forms answer: "Mark all read" ("read-all") or a notification's own form ("open", which goes where it points when done). */
export type NotificationOutcome = FormOutcome;

/** The form that answers, from what was posted: a notification ("open"), else "Mark all read". */
function formOf(sent: unknown): "open" | "read-all" {
  switch (sent) {
    case "open":
      return "open";
    default:
      return "read-all";
  }
}

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "read");
  let form: "open" | "read-all" = "read-all";
  const parsed = await parseForm(request, NotificationFormSchema, (sent) => {
    form = formOf(sent.get("intent"));
    return Object.fromEntries(sent);
  });
  if (!parsed.ok) return data<NotificationOutcome>({ ok: false, form, errors: parsed.errors }, { status: 422 });
  const input = parsed.data;
  switch (input.intent) {
    case "read-all":
      await markNotificationsRead(actor, { all: true });
      return data<NotificationOutcome>({ ok: true, form: "read-all" });
    case "open": {
      const link = await openNotification(actor, input.id);
      if (!link)
        return data<NotificationOutcome>({ ok: false, form: "open", errors: { id: "no such notification of yours" } }, { status: 404 });
      return redirect(link);
    }
    default:
      return unhandledIntent(input);
  }
});

export default function Notifications() {
  const { notifications, unread, timeZone } = useLoaderData<typeof loader>();
  const errors = Object.values(outcomeErrors(useActionData<NotificationOutcome>()));
  return (
    <div className="mx-auto max-w-3xl">
      <PageHeader title="Notifications">
        {unread > 0 ? (
          <Form method="post">
            <Button type="submit" name="intent" value="read-all" variant="secondary">
              Mark all read
            </Button>
          </Form>
        ) : null}
      </PageHeader>
      <p className="mb-3 text-sm text-slate-700" data-testid="unread-summary">
        {unread === 0 ? "Nothing unread." : unread === 1 ? "1 unread." : `${unread} unread.`}
      </p>
      {errors.length ? (
        <p role="alert" className="mb-3 text-sm text-red-700">
          {errors[0]}
        </p>
      ) : null}
      {notifications.length ? (
        <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white" data-testid="notification-list">
          {notifications.map((n) => (
            <li key={n.id} data-testid="notification" data-unread={n.readAt ? undefined : "true"} className={n.readAt ? "" : "bg-sky-50"}>
              <Form method="post" className="flex items-start gap-3 p-3">
                <input type="hidden" name="id" value={n.id} />
                <span aria-hidden="true" className={`mt-1.5 h-2 w-2 shrink-0 rounded-full ${n.readAt ? "bg-transparent" : "bg-sky-600"}`} />
                <button
                  type="submit"
                  name="intent"
                  value="open"
                  className="flex-1 text-left text-sm text-slate-900 underline-offset-2 hover:underline"
                >
                  {n.readAt ? null : <span className="sr-only">Unread: </span>}
                  {n.text}
                </button>
                <time dateTime={n.createdAt} title={inUtc(n.createdAt)} className="shrink-0 text-xs text-slate-600">
                  {inZone(n.createdAt, timeZone)}
                </time>
              </Form>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-600">
          You have no notifications. You are told here when someone asks you to approve an update or review a post-mortem, answers your
          request, gives you an action item, or when a promised update is about to be late.
        </p>
      )}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Notifications · Incident Desk" }];

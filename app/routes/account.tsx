import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { outcomeOf, type AccountOutcome } from "~/components/account/account-outcome.ts";
import { ChangePasswordForm } from "~/components/account/password-form.tsx";
import { TimeZoneForm } from "~/components/account/time-zone-form.tsx";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormError } from "~/components/admin/form-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { Time } from "~/components/ui/time.tsx";
import {
  ChangePasswordSchema,
  changeMyPassword,
  sessionOf,
  endMyOtherSessions,
  endMySession,
  EndSessionSchema,
  listMySessions,
} from "~/modules/auth/account.server.ts";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { ROLE_LABELS } from "~/modules/auth/roles.ts";
import { sessionLimits } from "~/modules/auth/session.server.ts";
import { setTimeZone } from "~/modules/auth/time-zone.server.ts";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { retryAfterOf } from "~/utils/http-headers.ts";
import { fieldErrors } from "~/utils/http.server.ts";
import { readerTime } from "~/utils/time.ts";
import { TimeZoneField } from "~/utils/time-zones.ts";
import { outcomeErrors } from "~/utils/form-outcome.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const AccountFormSchema = z.discriminatedUnion("intent", [
  EndSessionSchema.extend({ intent: z.literal("end-session") }),
  z.object({ intent: z.literal("end-other-sessions") }),
  z.object({ intent: z.literal("change-password"), currentPassword: z.string(), newPassword: z.string(), confirmPassword: z.string() }),
  z.object({ intent: z.literal("time-zone"), timeZone: TimeZoneField }),
]);

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const sessions = await listMySessions(actor);
  const { idleHours, lifetimeDays } = sessionLimits();
  return {
    you: { name: actor.name, email: actor.email, role: ROLE_LABELS[actor.role] },
    sessions,
    timeZone: actor.timeZone,
    idleHours,
    lifetimeDays,
    now: new Date().toISOString(),
  };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "read");
  // an API token is refused before its form is read: it has no sessions or password here
  sessionOf(actor);
  let intent = "";
  const parsed = await parseForm(request, AccountFormSchema, (form) => {
    intent = String(form.get("intent") ?? "");
    return Object.fromEntries(form);
  });
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<AccountOutcome>({ ok: false, form: intent, errors }, init);
  if (!parsed.ok) return failed(parsed.errors);
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "end-session":
        await endMySession(actor, input);
        return data<AccountOutcome>({ ok: true, form: input.intent, ended: 1 });
      case "time-zone":
        return data<AccountOutcome>({
          ok: true,
          form: input.intent,
          timeZone: await setTimeZone(actor, { userId: actor.userId, timeZone: input.timeZone }),
        });
      case "end-other-sessions":
        return data<AccountOutcome>({ ok: true, form: input.intent, ended: await endMyOtherSessions(actor) });
      case "change-password": {
        const passwords = ChangePasswordSchema.safeParse(input);
        if (!passwords.success) return failed(fieldErrors(passwords.error));
        return data<AccountOutcome>({
          ok: true,
          form: input.intent,
          passwordChanged: await changeMyPassword(actor, clientAddress(request), passwords.data),
        });
      }
      default:
        return unhandledIntent(input);
    }
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
});

export default function AccountPage() {
  const { you, sessions, timeZone, idleHours, lifetimeDays, now } = useLoaderData<typeof loader>();
  const outcome = useActionData<AccountOutcome>() as AccountOutcome | undefined;
  const navigation = useNavigation();
  const busyWith = navigation.state === "submitting" ? String(navigation.formData?.get("intent") ?? "") : "";
  // the sessions' forms answer here, and so does a refused post that names no form of the page
  const sessionOutcome = outcome && !outcomeOf(outcome, "change-password", "time-zone") ? outcome : undefined;
  const when = (at: Date) => <Time at={at} format="d MMM yyyy HH:mm" />;
  const others = sessions.filter((s) => !s.current).length;
  return (
    <div className="space-y-6">
      <PageHeader title="Your account" />
      <p className="text-sm text-slate-700">
        {you.name} · {you.email} · {you.role}
      </p>
      <section aria-labelledby="sessions">
        <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
          <h2 id="sessions" className="text-lg font-semibold">
            Sessions <span className="text-sm font-normal text-slate-600">({sessions.length} active)</span>
          </h2>
          {others > 0 ? (
            <Form method="post">
              <Button variant="secondary" name="intent" value="end-other-sessions" disabled={busyWith === "end-other-sessions"}>
                End all other sessions
              </Button>
            </Form>
          ) : null}
        </div>
        <FormError message={outcomeErrors(sessionOutcome)._} />
        {sessionOutcome?.ok && sessionOutcome.ended !== undefined ? (
          <p role="status" className="mb-3 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
            {sessionOutcome.ended === 1 ? "1 session was ended." : `${sessionOutcome.ended} sessions were ended.`} Whoever used it must sign
            in again.
          </p>
        ) : null}
        <DataTable headers={["Browser", "Signed in", "Last active", <span className="sr-only">Actions</span>]}>
          {sessions.map((session) => (
            <tr key={session.id} data-testid="session" className="border-b border-slate-200 align-middle last:border-0">
              <td className="px-3 py-2 font-medium">
                {session.browser}
                {session.current ? (
                  <span className="ml-2 rounded-full bg-blue-100 px-2 py-0.5 text-xs font-semibold text-blue-900 ring-1 ring-blue-300">
                    This session
                  </span>
                ) : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">{when(session.createdAt)}</td>
              <td className="whitespace-nowrap px-3 py-2">{session.current ? "Now" : when(session.lastSeenAt)}</td>
              <td className="px-3 py-2 text-right">
                {session.current ? null : (
                  <Form method="post">
                    <input type="hidden" name="sessionId" value={session.id} />
                    <Button
                      variant="secondary"
                      name="intent"
                      value="end-session"
                      className="px-2 py-0.5 text-xs"
                      aria-label={`End the session of ${session.browser} last active ${readerTime(session.lastSeenAt, timeZone).text}`}
                    >
                      End
                    </Button>
                  </Form>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <p className="mt-2 text-sm text-slate-600">
          A session ends after {idleHours} hours without activity, and {lifetimeDays} days after signing in. “Last active” is kept to within
          5 minutes.
        </p>
      </section>
      <TimeZoneForm timeZone={timeZone} outcome={outcomeOf(outcome, "time-zone")} busy={busyWith === "time-zone"} now={now} />
      <ChangePasswordForm outcome={outcomeOf(outcome, "change-password")} busy={busyWith === "change-password"} />
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Your account · Incident Desk" }];

export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterOf(actionHeaders);

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}

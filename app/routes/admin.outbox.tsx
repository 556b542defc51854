// The email outbox: without RESEND_API_KEY mail is not sent but kept here, so the whole
// flow (confirmation, notices, unsubscribe headers) can be tried locally. Newest first.
import { Time } from "~/components/ui/time.tsx";
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, NavLink, Outlet, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { Button } from "~/components/ui/button.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { listOutbox } from "~/modules/delivery/outbox.server.ts";
import { usesResend } from "~/modules/delivery/mailer.server.ts";
import { parseQuery } from "~/utils/http.server.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

const QuerySchema = z.object({ to: z.string().trim().max(254).optional() });

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "delivery:admin");
  const { to } = parseQuery(request, QuerySchema);
  return { emails: await listOutbox({ to: to || undefined, limit: 100 }), to: to ?? "", timeZone: actor.timeZone, sending: usesResend() };
});

export default function AdminOutbox() {
  const { emails, to, sending } = useLoaderData<typeof loader>();
  const query = to ? `?to=${encodeURIComponent(to)}` : "";
  return (
    <div className="space-y-3">
      <p className="max-w-3xl text-sm text-slate-700">
        {sending
          ? "RESEND_API_KEY is set: email goes out through Resend. The outbox keeps what was written while no key was set."
          : "No RESEND_API_KEY is set, so email is not sent: it lands here, with its headers, exactly as it would go out."}
      </p>
      <Form method="get" className="flex flex-wrap items-end gap-2" role="search">
        <label className="text-sm font-medium text-slate-800">
          Recipient contains
          <input
            type="search"
            name="to"
            defaultValue={to}
            className="mt-1 block w-64 rounded border border-slate-400 bg-white px-2 py-1.5 text-sm"
          />
        </label>
        <Button type="submit" variant="secondary">
          Search
        </Button>
      </Form>
      <div className="grid gap-4 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)]">
        <section aria-label="Emails" className="min-w-0">
          {emails.length ? (
            <ul className="divide-y divide-slate-200 rounded-lg border border-slate-300 bg-white text-sm">
              {emails.map((email) => (
                <li key={email.id}>
                  <NavLink
                    to={`/admin/outbox/${email.id}${query}`}
                    className={({ isActive }) =>
                      `block px-3 py-2 no-underline hover:bg-slate-50 hover:no-underline ${isActive ? "bg-slate-100" : ""}`
                    }
                    data-testid="outbox-email"
                  >
                    <span className="block truncate font-medium text-slate-900">{email.subject}</span>
                    <span className="flex justify-between gap-2 text-xs text-slate-600">
                      <span className="truncate">{email.to}</span>
                      <Time at={email.createdAt} format="d MMM HH:mm:ss" className="shrink-0" />
                    </span>
                  </NavLink>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-600">{to ? "No email to such an address." : "The outbox is empty."}</p>
          )}
        </section>
        <div className="min-w-0">
          <Outlet />
        </div>
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Outbox · Admin · Incident Desk" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary byStatus={{ 403: { message: "Only admins read the email outbox." } }} />;
}

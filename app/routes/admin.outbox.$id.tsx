// One email of the outbox: its headers, the text part, and the HTML part in a sandboxed frame
// (no scripts, no same origin), never put into this page itself.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { outboxEmail } from "~/modules/delivery/outbox.server.ts";
import { inUtc } from "~/utils/time.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  await requireActor(request, "delivery:admin");
  const email = await outboxEmail(params.id!);
  if (!email) throw new Response("No such email in the outbox.", { status: 404 });
  return { email };
});

export default function OutboxEmail() {
  const { email } = useLoaderData<typeof loader>();
  const headers: [string, string][] = [
    ["From", email.from],
    ["To", email.to],
    ["Subject", email.subject],
    ["Date", inUtc(email.createdAt, "d MMM yyyy HH:mm:ss")],
    ...Object.entries(email.headers),
  ];
  return (
    <article
      aria-labelledby="email-subject"
      className="space-y-3 rounded-lg border border-slate-300 bg-white p-4"
      data-testid="outbox-detail"
    >
      <h2 id="email-subject" className="text-lg font-semibold">
        {email.subject}
      </h2>
      <section aria-label="Headers">
        <dl className="grid grid-cols-[max-content_minmax(0,1fr)] gap-x-3 gap-y-1 text-sm">
          {headers.map(([name, value]) => (
            <div key={name} className="contents">
              <dt className="font-medium text-slate-700">{name}</dt>
              <dd className="break-all font-mono text-xs leading-5 text-slate-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <section aria-labelledby="html-part">
        <h3 id="html-part" className="mb-1 text-sm font-semibold">
          HTML part
        </h3>
        <iframe
          title="HTML part of the email"
          sandbox=""
          srcDoc={email.html}
          className="h-96 w-full rounded border border-slate-300 bg-white"
        />
      </section>
      <section aria-labelledby="text-part">
        <h3 id="text-part" className="mb-1 text-sm font-semibold">
          Text part
        </h3>
        <pre
          className="max-h-96 overflow-auto whitespace-pre-wrap rounded border border-slate-300 bg-slate-50 p-3 text-xs"
          data-testid="outbox-text"
        >
          {email.text}
        </pre>
      </section>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary byStatus={{ 404: { message: "No such email in the outbox." } }} />;
}

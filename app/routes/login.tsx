import { data, redirect, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { FormError } from "~/components/admin/form-error.tsx";
import { Button } from "~/components/ui/button.tsx";
import { TextField } from "~/components/ui/field.tsx";
import { optionalActor } from "~/modules/auth/actor.server.ts";
import { clientAddress } from "~/modules/auth/client-address.ts";
import { listDemoLogins } from "~/modules/auth/demo-logins.server.ts";
import { safeRedirectPath } from "~/modules/auth/redirect.ts";
import { recordFailedSignIn, recordSignIn, signInRefusal } from "~/modules/auth/limits.server.ts";
import { ROLE_LABELS } from "~/modules/auth/roles.ts";
import { endedSessionMessage } from "~/modules/auth/session-rules.ts";
import { sessionLimits, startSession } from "~/modules/auth/session.server.ts";
import { authenticate, LoginSchema } from "~/modules/auth/users.server.ts";
import { parseForm } from "~/utils/form.server.ts";
import { retryAfterOf } from "~/utils/http-headers.ts";
import { pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const WRONG_CREDENTIALS = "Email or password is not correct.";

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  // a bad Authorization header is no reason to refuse the sign-in page
  const actor = await optionalActor(request).catch(() => null);
  if (actor) throw redirect("/incidents");
  const { idleHours, lifetimeDays } = sessionLimits();
  const ended = endedSessionMessage(new URL(request.url).searchParams.get("reason"), { idleHours, lifetimeDays });
  return { demo: await listDemoLogins(), ended };
});

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  let email = "";
  const parsed = await parseForm(request, LoginSchema, (form) => {
    const values = Object.fromEntries(form);
    email = typeof values.email === "string" ? values.email : "";
    return values;
  });
  if (!parsed.ok) return data({ errors: parsed.errors, email }, { status: 422 });
  const address = clientAddress(request);
  const refused = await signInRefusal(parsed.data.email, address);
  if (refused) return data({ errors: { _: refused.message } as Record<string, string>, email }, { status: 429, headers: refused.headers });
  const user = await authenticate(parsed.data.email, parsed.data.password);
  if (!user) {
    await recordFailedSignIn(parsed.data.email, address);
    return data({ errors: { _: WRONG_CREDENTIALS } as Record<string, string>, email }, { status: 422 });
  }
  await recordSignIn(parsed.data.email);
  const { cookie } = await startSession(user.id, request);
  return redirect(safeRedirectPath(parsed.data.redirectTo), { headers: { "Set-Cookie": cookie } });
});

export default function LoginPage() {
  const { demo, ended } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const [params] = useSearchParams();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const errors: Record<string, string> = result?.errors ?? {};
  const redirectTo = params.get("redirectTo");
  return (
    <div className="flex min-h-[80vh] flex-col items-center justify-center py-8">
      <div className="w-full max-w-sm">
        <div className="mb-6 text-center">
          <div
            aria-hidden="true"
            className="mx-auto mb-3 flex h-12 w-12 items-center justify-center rounded-xl bg-slate-900 text-xl font-bold text-white"
          >
            ID
          </div>
          <h1 className="text-2xl font-semibold">Incident Desk</h1>
          <p className="mt-1 text-sm text-slate-600">Sign in to follow and run incidents.</p>
        </div>
        {ended && !result ? (
          <p role="status" className="mb-4 rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950">
            {ended}
          </p>
        ) : null}
        <div className="rounded-lg border border-slate-300 bg-white p-6 shadow-sm">
          <Form method="post" replace>
            {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
            <FormError message={errors._} />
            <TextField
              label="Email"
              name="email"
              type="email"
              autoComplete="username"
              defaultValue={result?.email ?? ""}
              error={errors.email}
              required
              autoFocus
            />
            <TextField label="Password" name="password" type="password" autoComplete="current-password" error={errors.password} required />
            <Button type="submit" className="mt-2 w-full py-2" disabled={busy}>
              {busy ? "Signing in…" : "Sign in"}
            </Button>
          </Form>
        </div>
        {demo.logins.length ? (
          <section aria-labelledby="demo-logins" className="mt-4 rounded-lg border border-blue-200 bg-blue-50 p-4 text-sm text-blue-950">
            <h2 id="demo-logins" className="font-semibold">
              Demo logins
            </h2>
            <p className="mt-1">
              Every demo user’s password is{" "}
              <code className="whitespace-nowrap rounded bg-white px-1 font-mono ring-1 ring-blue-200">{demo.password}</code>
            </p>
            <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1">
              {demo.logins.map((login) => (
                <div key={login.email} className="contents">
                  <dt className="font-medium">{ROLE_LABELS[login.role]}</dt>
                  <dd className="font-mono text-xs leading-5 break-all">{login.email}</dd>
                </div>
              ))}
            </dl>
          </section>
        ) : null}
      </div>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Sign in · Incident Desk" }];

/** A refused sign-in's Retry-After reaches the page's response, not only the action's data. */
export const headers: HeadersFunction = ({ actionHeaders }) => retryAfterOf(actionHeaders);

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      className="mx-auto mt-16 max-w-sm rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900"
      unexpected={{
        title: "Signing in is not possible right now",
        message: "Something went wrong on our side. The error has been logged. Try again in a moment.",
      }}
    />
  );
}

// "Get notices by email", in the header's Subscribe menu and on /status/subscribe: a plain form
// (no script needed) that posts to /status/subscribe. Relative URLs: the page may be read under another host name than the
// public URL, and the page's CSP only lets forms post to its own origin.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { ComponentChoice } from "~/components/status-page/component-choice.tsx";

export const SUBSCRIBE_PATH = "/status/subscribe";

export type SubscribeFormState = { email?: string; components?: string[]; errors?: Record<string, string> };

/** `framed`: a card of its own (the subscribe page); inside the header's menu it is not. */
export function SubscribeForm({ page, state = {}, framed = true }: { page: PublicPage; state?: SubscribeFormState; framed?: boolean }) {
  const errors = state.errors ?? {};
  const chosen = state.components ?? [];
  const componentError = errors.components ?? Object.entries(errors).find(([key]) => key.startsWith("components."))?.[1];
  return (
    <section
      aria-labelledby="subscribe-heading"
      className={framed ? "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:hidden" : "print:hidden"}
    >
      <h2 id="subscribe-heading" className="text-base font-semibold text-slate-900">
        Get notices by email
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        We email you when {page.page.name} posts an incident or maintenance update. We send a confirmation link first; nothing else comes
        until you confirm.
      </p>
      <form method="post" action={SUBSCRIBE_PATH} className="mt-3" noValidate>
        {errors._ ? (
          <p role="alert" className="mb-2 text-sm text-red-700">
            {errors._}
          </p>
        ) : null}
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-60">
            <label htmlFor="subscribe-email" className="block text-sm font-medium text-slate-800">
              Email address
            </label>
            <input
              id="subscribe-email"
              type="email"
              name="email"
              required
              autoComplete="email"
              maxLength={254}
              defaultValue={state.email ?? ""}
              aria-invalid={errors.email ? true : undefined}
              aria-describedby={errors.email ? "subscribe-email-error" : undefined}
              className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-red-600"
            />
          </div>
          <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            Subscribe
          </button>
        </div>
        {errors.email ? (
          <p id="subscribe-email-error" role="alert" className="mt-1 text-sm text-red-700">
            The email address {errors.email}.
          </p>
        ) : null}
        <details className="mt-3" open={chosen.length > 0 || Boolean(componentError)}>
          <summary className="cursor-pointer text-sm text-slate-700">
            Only some components or groups? (all of them if none is chosen)
          </summary>
          <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-3">
            {componentError ? (
              <p role="alert" className="mb-2 text-sm text-red-700">
                A chosen component: {componentError}.
              </p>
            ) : null}
            <ComponentChoice page={page} chosen={chosen} />
          </div>
        </details>
      </form>
    </section>
  );
}

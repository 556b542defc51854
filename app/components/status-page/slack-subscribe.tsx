// "Get notices in Slack": a reader gives an incoming-webhook URL of their workspace (decision
// 0048). A plain form posting to /status/subscribe/slack, in the header's Subscribe menu and on
// /status/subscribe; and the pages that answer it and its unsubscribe link.
import type { PublicPage } from "~/modules/status-page/model.ts";
import { Panel, PrimaryButton } from "~/components/status-page/subscription-document.tsx";

export const SLACK_SUBSCRIBE_PATH = "/status/subscribe/slack";
export const slackUnsubscribePath = (token: string) => `/status/slack/${encodeURIComponent(token)}/unsubscribe`;

export type SlackSubscribeState = { url?: string; errors?: Record<string, string> };

export function SlackSubscribeForm({
  page,
  hooksBase = "https://hooks.slack.com/",
  state = {},
  framed = true,
}: {
  page: PublicPage;
  hooksBase?: string;
  state?: SlackSubscribeState;
  framed?: boolean;
}) {
  const error = state.errors?.url ?? state.errors?._;
  return (
    <section
      aria-labelledby="slack-subscribe-heading"
      className={framed ? "rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-5 print:hidden" : "print:hidden"}
    >
      <h2 id="slack-subscribe-heading" className="text-base font-semibold text-slate-900">
        Get notices in Slack
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Add an{" "}
        <a className="underline" href="https://api.slack.com/messaging/webhooks">
          incoming webhook
        </a>{" "}
        to a channel of your workspace and paste its URL here. We post a test message to it first; every incident and maintenance update of{" "}
        {page.page.name} follows.
      </p>
      <form method="post" action={SLACK_SUBSCRIBE_PATH} className="mt-3" noValidate>
        <div className="flex flex-wrap items-end gap-2">
          <div className="min-w-0 flex-1 basis-60">
            <label htmlFor="slack-hook-url" className="block text-sm font-medium text-slate-800">
              Incoming webhook URL
            </label>
            <input
              id="slack-hook-url"
              type="url"
              name="url"
              required
              maxLength={500}
              placeholder={`${hooksBase}services/…`}
              defaultValue={state.url ?? ""}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? "slack-hook-url-error" : undefined}
              className="mt-1 block w-full rounded border border-slate-400 bg-white px-2 py-1.5 text-sm text-slate-900 aria-[invalid=true]:border-red-600"
            />
          </div>
          <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 text-sm font-medium text-white hover:bg-slate-700">
            Add to Slack
          </button>
        </div>
        {error ? (
          <p id="slack-hook-url-error" role="alert" className="mt-1 text-sm text-red-700">
            The webhook URL {error}.
          </p>
        ) : null}
      </form>
    </section>
  );
}

function BackToStatus({ page }: { page: PublicPage }) {
  return (
    <p>
      <a href={page.page.url}>← Back to the status page</a>
    </p>
  );
}

export function CheckSlack({ page }: { page: PublicPage }) {
  return (
    <Panel title="Look in your Slack channel">
      <p>
        A test message from {page.page.name} is on its way to the channel of that webhook. Once Slack has taken it, every incident and
        maintenance update is posted there too.
      </p>
      <p>
        Each message has a link to unsubscribe. Nothing in the channel after a few minutes? Check that the webhook is still installed, or
        add it again.
      </p>
      <BackToStatus page={page} />
    </Panel>
  );
}

export function SlackUnsubscribePrompt({ page, token }: { page: PublicPage; token: string }) {
  return (
    <Panel title="Unsubscribe this Slack channel">
      <p>Stop posting {page.page.name} notices to this Slack channel?</p>
      <form method="post" action={slackUnsubscribePath(token)}>
        <PrimaryButton>Unsubscribe</PrimaryButton>
      </form>
    </Panel>
  );
}

export function SlackUnsubscribed({ page }: { page: PublicPage }) {
  return (
    <Panel title="This channel is unsubscribed">
      <p>
        No more notices are posted to that Slack channel. Changed your mind? Add its webhook again on the{" "}
        <a className="underline" href={`${page.page.url}#subscribe`}>
          status page
        </a>
        .
      </p>
    </Panel>
  );
}

// What a subscriber reads on the public subscription pages. Every change is a POST from a
// button: a GET never changes anything, since mail scanners open the links in an email.
import type { PublicPage } from "~/modules/status-page/model.ts";
import type { SubscriberView } from "~/modules/subscribers/view.ts";
import { ComponentChoice } from "~/components/status-page/component-choice.tsx";
import { EventTime } from "~/components/status-page/event-time.tsx";
import { Panel, PrimaryButton } from "~/components/status-page/subscription-document.tsx";

export const subscriptionPath = (token: string, then: "" | "/confirm" | "/unsubscribe" = "") =>
  `/status/subscriptions/${encodeURIComponent(token)}${then}`;

function BackToStatus({ page }: { page: PublicPage }) {
  return (
    <p>
      <a href={page.page.url}>← Back to the status page</a>
    </p>
  );
}

export function CheckInbox({ page, email }: { page: PublicPage; email: string }) {
  return (
    <Panel title="Check your inbox">
      <p>
        If <strong className="text-slate-900">{email}</strong> can get notices, a confirmation email is on its way to it. Open the link in
        that email to start getting notices from {page.page.name}.
      </p>
      <p>
        Nothing else is sent until the subscription is confirmed. No email after a few minutes? Look in the spam folder, or try again later.
      </p>
      <BackToStatus page={page} />
    </Panel>
  );
}

/** Past the subscribe form's limits (per client, per email address): the same words for every address. */
export function TooManySubscribeRequests({ page, message }: { page: PublicPage; message: string }) {
  return (
    <Panel title="Too many requests">
      <p role="alert">{message}</p>
      <p>A confirmation email already asked for is still on its way; asking again does not send another one sooner.</p>
      <BackToStatus page={page} />
    </Panel>
  );
}

export function ConfirmPrompt({ page, subscriber, token }: { page: PublicPage; subscriber: SubscriberView; token: string }) {
  return (
    <Panel title="Confirm your subscription">
      <p>
        Get email notices from {page.page.name} at <strong className="text-slate-900">{subscriber.email}</strong>?
      </p>
      <form method="post" action={subscriptionPath(token, "/confirm")}>
        <PrimaryButton>Confirm my subscription</PrimaryButton>
      </form>
      <p className="text-xs text-slate-500">If you did not ask for this, ignore the email: without confirmation nothing is sent.</p>
    </Panel>
  );
}

export function Confirmed({ page, subscriber, token }: { page: PublicPage; subscriber: SubscriberView; token: string }) {
  return (
    <Panel title="Subscription confirmed">
      <p>
        <strong className="text-slate-900">{subscriber.email}</strong> now gets notices about{" "}
        {subscriber.components.length ? subscriber.components.map((c) => c.name).join(", ") : `every component of ${page.page.name}`}.
      </p>
      <p>
        Every notice has a link to change this or to unsubscribe. <a href={subscriptionPath(token)}>Manage the subscription</a>
      </p>
      <BackToStatus page={page} />
    </Panel>
  );
}

function StateLine({ page, subscriber }: { page: PublicPage; subscriber: SubscriberView }) {
  const tz = page.page.timeZone;
  if (subscriber.unsubscribedAt)
    return (
      <p>
        Unsubscribed <EventTime at={new Date(subscriber.unsubscribedAt)} timeZone={tz} />: no notices are sent to this address.
      </p>
    );
  if (subscriber.confirmedAt)
    return (
      <p>
        Confirmed <EventTime at={new Date(subscriber.confirmedAt)} timeZone={tz} />.
      </p>
    );
  return <p>Awaiting confirmation: nothing is sent until the subscription is confirmed.</p>;
}

export function ManageSubscription({
  page,
  subscriber,
  token,
  saved,
  error,
}: {
  page: PublicPage;
  subscriber: SubscriberView;
  token: string;
  saved?: boolean;
  error?: string;
}) {
  return (
    <Panel title="Your email notices">
      <p>
        Notices for <strong className="text-slate-900">{subscriber.email}</strong>.
      </p>
      <StateLine page={page} subscriber={subscriber} />
      {!subscriber.confirmedAt && !subscriber.unsubscribedAt ? (
        <form method="post" action={subscriptionPath(token, "/confirm")}>
          <PrimaryButton>Confirm my subscription</PrimaryButton>
        </form>
      ) : null}
      {saved ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900">
          Saved.{" "}
          {subscriber.components.length
            ? `Notices about: ${subscriber.components.map((c) => c.name).join(", ")}.`
            : "Notices about every component."}
        </p>
      ) : null}
      {subscriber.unsubscribedAt ? (
        <p>
          To get notices again, subscribe on the <a href={`${page.page.url}#subscribe`}>status page</a>.
        </p>
      ) : (
        <>
          <form method="post" action={subscriptionPath(token)}>
            <fieldset>
              <legend className="font-medium text-slate-900">Which components? None chosen means all of them.</legend>
              {error ? (
                <p role="alert" className="mt-1 text-red-700">
                  {error}
                </p>
              ) : null}
              <div className="mt-2 rounded border border-slate-200 bg-slate-50 p-3">
                <ComponentChoice page={page} chosen={subscriber.components.map((c) => c.id)} />
              </div>
            </fieldset>
            <div className="mt-3">
              <PrimaryButton>Save my choice</PrimaryButton>
            </div>
          </form>
          <p className="border-t border-slate-200 pt-3">
            Had enough? <a href={subscriptionPath(token, "/unsubscribe")}>Unsubscribe from all notices</a>
          </p>
        </>
      )}
      <BackToStatus page={page} />
    </Panel>
  );
}

export function UnsubscribePrompt({ page, subscriber, token }: { page: PublicPage; subscriber: SubscriberView; token: string }) {
  return (
    <Panel title="Unsubscribe">
      <p>
        Stop all email notices from {page.page.name} to <strong className="text-slate-900">{subscriber.email}</strong>?
      </p>
      <form method="post" action={subscriptionPath(token, "/unsubscribe")}>
        <PrimaryButton>Unsubscribe</PrimaryButton>
      </form>
      <p>
        Or <a href={subscriptionPath(token)}>choose fewer components</a> instead.
      </p>
    </Panel>
  );
}

export function Unsubscribed({ page, subscriber }: { page: PublicPage; subscriber: SubscriberView }) {
  return (
    <Panel title="You are unsubscribed">
      <p>
        No more notices go to <strong className="text-slate-900">{subscriber.email}</strong>. Changed your mind? Subscribe again on the{" "}
        <a href={`${page.page.url}#subscribe`}>status page</a>.
      </p>
    </Panel>
  );
}

export function UnknownSubscription({ page }: { page: PublicPage }) {
  return (
    <Panel title="This link does not work">
      <p>No subscription has this link. It may have been removed; you can subscribe again on the status page.</p>
      <BackToStatus page={page} />
    </Panel>
  );
}

export function PublicNotFound({ page }: { page: PublicPage }) {
  return (
    <Panel title="Page not found">
      <p>There is no such page on the {page.page.name} status page. An incident shows here once it has been published.</p>
      <p>
        <a href={page.page.url}>See the current status</a> or the <a href={`${page.page.url}/history`}>incident history</a>.
      </p>
    </Panel>
  );
}

import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, Links, Meta, NavLink, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { NotificationBell } from "~/components/notifications/bell.tsx";
import { NavSearch } from "~/components/search/nav-search.tsx";
import { TimeZoneOffer } from "~/components/time-zone-offer.tsx";
import { ReaderZoneProvider } from "~/components/ui/time.tsx";
import { optionalActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { unreadCount } from "~/modules/notifications/notifications.server.ts";
import { useNonce } from "~/utils/nonce.tsx";
import { DEFAULT_TIME_ZONE } from "~/utils/time-zones.ts";
import stylesheet from "./styles.css?url";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "icon", href: "data:," },
];

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await optionalActor(request).catch(() => null);
  // the bell's count: one indexed count per page load, kept current afterwards by its stream
  const unread = actor ? await unreadCount(actor.userId).catch(() => 0) : 0;
  return { actor: actor && { name: actor.name, email: actor.email, role: actor.role, timeZone: actor.timeZone, unread } };
});

export function useOptionalActor() {
  return useRouteLoaderData<typeof loader>("root")?.actor ?? null;
}

export function Layout({ children }: { children: React.ReactNode }) {
  const nonce = useNonce();
  // says the page answers its buttons now (the browser tests wait for it after each navigation)
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return (
    <html lang="en">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body className="min-h-screen font-sans">
        {children}
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function NavItem({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <NavLink
      to={to}
      className={({ isActive }) =>
        `rounded px-1.5 py-1.5 text-sm font-medium no-underline 2xl:px-2 hover:bg-slate-700 hover:no-underline ${isActive ? "bg-slate-700 text-white" : "text-slate-200"}`
      }
    >
      {children}
    </NavLink>
  );
}

type Actor = NonNullable<Awaited<ReturnType<typeof loader>>["actor"]>;

/** The signed-in frame: skip link, the navigation (for a signed-in reader) and the one <main>. */
function AppFrame({ actor, children }: { actor: Actor | null; children: React.ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:bg-white focus:p-2">
        Skip to content
      </a>
      {actor ? (
        <header className="bg-slate-900 text-white print:hidden">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-2 px-4 py-2 2xl:max-w-screen-2xl">
            <Link to="/incidents" className="mr-2 font-semibold text-white no-underline hover:no-underline">
              Incident Desk
            </Link>
            <nav aria-label="Main" className="flex flex-1 flex-wrap gap-0.5">
              <NavItem to="/incidents">Incidents</NavItem>
              <NavItem to="/postmortems">Post-mortems</NavItem>
              <NavItem to="/components">Components</NavItem>
              <NavItem to="/maintenance">Maintenance</NavItem>
              <NavItem to="/action-items">Action items</NavItem>
              <NavItem to="/insights">Insights</NavItem>
              {can(actor.role, "admin:users") || can(actor.role, "subscriber:write") ? <NavItem to="/admin">Admin</NavItem> : null}
            </nav>
            <NavSearch />
            {can(actor.role, "incident:write") ? (
              <Link
                to="/incidents/new"
                className="rounded bg-red-600 px-3 py-1.5 text-sm font-semibold text-white no-underline hover:bg-red-700 hover:no-underline"
              >
                Declare incident
              </Link>
            ) : null}
            <NotificationBell unread={actor.unread} />
            {/* On narrower screens the name moves into the sign-out button's label: the nav stays on one line. */}
            <Link
              to="/account"
              className="rounded px-2 py-1 text-sm text-slate-200 no-underline hover:bg-slate-700 hover:no-underline"
              title="Your account: sessions and password"
            >
              <span className="2xl:hidden">Account</span>
              <span className="hidden 2xl:inline">
                {actor.name} <span className="text-slate-400">· {actor.role}</span>
              </span>
            </Link>
            <Form method="post" action="/logout">
              <button
                className="rounded px-2 py-1 text-sm text-slate-200 hover:bg-slate-700"
                title={`Signed in as ${actor.name} (${actor.role})`}
              >
                Sign out<span className="sr-only 2xl:hidden"> {actor.name}</span>
              </button>
            </Form>
          </div>
        </header>
      ) : null}
      {actor ? <TimeZoneOffer timeZone={actor.timeZone} /> : null}
      <main id="main" className="mx-auto max-w-7xl px-4 py-6">
        {children}
      </main>
    </>
  );
}

export default function App() {
  const { actor } = useLoaderData<typeof loader>();
  return (
    <ReaderZoneProvider value={actor?.timeZone ?? DEFAULT_TIME_ZONE}>
      <AppFrame actor={actor}>
        <Outlet />
      </AppFrame>
    </ReaderZoneProvider>
  );
}

/**
 * Whatever a page could not answer (a 404, a 403, a failure): a signed-in reader keeps the
 * navigation; anyone else is pointed to the public status page and the sign-in.
 */
export function ErrorBoundary() {
  const actor = useOptionalActor();
  return (
    <AppFrame actor={actor}>
      <div className="mx-auto max-w-3xl py-10">
        <GeneralErrorBoundary className="text-slate-800 [&_h1]:text-2xl">
          {actor ? (
            <p className="mt-6">
              <Link to="/incidents">Back to incidents</Link>
            </p>
          ) : (
            <p className="mt-6 flex gap-4">
              <a href="/status">Service status</a>
              <Link to="/login">Sign in</Link>
            </p>
          )}
        </GeneralErrorBoundary>
      </div>
    </AppFrame>
  );
}

import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NavLink, useLoaderData, useOutlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can, type Permission } from "~/modules/auth/roles.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

/** Each section checks its own permission; the layout shows the ones this role may open. */
const SECTIONS: { to: string; label: string; permission: Permission }[] = [
  { to: "/admin/users", label: "Users", permission: "admin:users" },
  { to: "/admin/tokens", label: "API tokens", permission: "admin:users" },
  { to: "/admin/settings", label: "Settings", permission: "settings:write" },
  { to: "/admin/templates", label: "Templates", permission: "settings:write" },
  { to: "/admin/notices", label: "Notices", permission: "settings:write" },
  { to: "/admin/postmortem-templates", label: "Post-mortem templates", permission: "settings:write" },
  { to: "/admin/subscribers", label: "Subscribers", permission: "subscriber:write" },
  { to: "/admin/outbox", label: "Outbox", permission: "delivery:admin" },
  { to: "/admin/webhooks", label: "Webhooks", permission: "delivery:admin" },
  { to: "/admin/audit", label: "Audit log", permission: "audit:read" },
];

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const sections = SECTIONS.filter((s) => can(actor.role, s.permission)).map(({ to, label }) => ({ to, label }));
  // No section for this role: the same refusal as before, from the first section's rule.
  if (!sections.length) await requireActor(request, "admin:users");
  if (new URL(request.url).pathname.replace(/\/$/, "") === "/admin") throw redirect(sections[0].to);
  return { sections };
});

function Tab({ to, children }: { to: string; children: React.ReactNode }) {
  return (
    <NavLink
      to={to}
      className={({ isActive }) =>
        `-mb-px border-b-2 px-3 py-2 text-sm font-medium no-underline hover:no-underline ${
          isActive ? "border-slate-900 text-slate-900" : "border-transparent text-slate-600 hover:border-slate-400 hover:text-slate-900"
        }`
      }
    >
      {children}
    </NavLink>
  );
}

export default function AdminLayout() {
  const outlet = useOutlet();
  const { sections } = useLoaderData<typeof loader>();
  return (
    <div>
      <PageHeader title="Admin" />
      <nav aria-label="Admin" className="mb-5 flex flex-wrap gap-1 border-b border-slate-300">
        {sections.map((s) => (
          <Tab key={s.to} to={s.to}>
            {s.label}
          </Tab>
        ))}
      </nav>
      {outlet ?? <p className="text-slate-600">Choose Users or API tokens.</p>}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Admin · Incident Desk" }];

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      byStatus={{ 403: { message: "Only admins manage users and API tokens." } }}
      unexpected={{ title: "This admin page could not be shown" }}
    />
  );
}

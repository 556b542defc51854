import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { NavLink, useOutlet } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { PageHeader } from "~/components/ui/page-header.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireActor(request, "admin:users");
  if (new URL(request.url).pathname.replace(/\/$/, "") === "/admin") throw redirect("/admin/users");
  return null;
}

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
  return (
    <div>
      <PageHeader title="Admin" />
      <nav aria-label="Admin" className="mb-5 flex gap-1 border-b border-slate-300">
        <Tab to="/admin/users">Users</Tab>
        <Tab to="/admin/tokens">API tokens</Tab>
        <Tab to="/admin/settings">Settings</Tab>
        <Tab to="/admin/templates">Templates</Tab>
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

import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { z } from "zod";
import { NewUserForm, RoleChangeForm, type UserFormOutcome } from "~/components/admin/user-forms.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import type { RoleName } from "~/modules/auth/roles.ts";
import { changeRole, createUser, endAllSessions, EndSessionsSchema, listUsers, NewUserSchema, RoleChangeSchema } from "~/modules/auth/users.server.ts";
import { formErrorsFrom, parseForm } from "~/utils/form.server.ts";
import { inUtc, inZone } from "~/utils/time.ts";

const UserFormSchema = z.discriminatedUnion("intent", [
  NewUserSchema.extend({ intent: z.literal("create") }),
  RoleChangeSchema.extend({ intent: z.literal("change-role") }),
  EndSessionsSchema.extend({ intent: z.literal("end-sessions") }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "admin:users");
  const users = await listUsers();
  return { users: users.map((u) => ({ ...u, role: u.role as RoleName })), you: actor.userId, timeZone: actor.timeZone };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "admin:users");
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, UserFormSchema, (form) => (submitted = Object.fromEntries(form)));
  const form = submitted.intent === "create" ? "create" : `${String(submitted.intent)}:${String(submitted.userId ?? "")}`;
  const text = (name: string) => (typeof submitted[name] === "string" ? (submitted[name] as string) : undefined);
  // the password is never sent back to the page
  const failed = (errors: Record<string, string>) =>
    data<UserFormOutcome>({ ok: false, form, errors, values: { name: text("name"), email: text("email"), role: text("role") } }, { status: 422 });
  if (!parsed.ok) return failed(parsed.errors);
  try {
    const input = parsed.data;
    if (input.intent === "create") {
      const { intent: _, ...user } = input;
      await createUser(actor, user);
      return data<UserFormOutcome>({ ok: true, form, created: { name: user.name, email: user.email } });
    }
    if (input.intent === "end-sessions") {
      await endAllSessions(actor, { userId: input.userId });
      return data<UserFormOutcome>({ ok: true, form });
    }
    const { intent: _, ...change } = input;
    const changed = await changeRole(actor, change);
    return data<UserFormOutcome>({ ok: true, form, ...(changed ? { changed: { role: change.role } } : {}) });
  } catch (error) {
    return failed(await formErrorsFrom(error));
  }
}

export default function AdminUsers() {
  const { users, you, timeZone } = useLoaderData<typeof loader>();
  return (
    <div>
      <NewUserForm />
      <h2 className="mb-2 text-lg font-semibold">
        Users <span className="text-sm font-normal text-slate-600">({users.length})</span>
      </h2>
      <DataTable headers={["Name", "Email", "Role", "Added", "Active sessions"]}>
        {users.map((user) => (
          <tr key={user.id} className="border-b border-slate-200 align-middle last:border-0">
            <td className="px-3 py-2 font-medium">
              {user.name}
              {user.id === you ? <span className="ml-1.5 text-xs font-normal text-slate-600">(you)</span> : null}
              {user.disabledAt ? <span className="ml-1.5 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Disabled</span> : null}
            </td>
            <td className="px-3 py-2">{user.email}</td>
            <td className="px-3 py-2">
              <RoleChangeForm user={user} isYou={user.id === you} />
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <time dateTime={user.createdAt.toISOString()} title={inUtc(user.createdAt)}>
                {inZone(user.createdAt, timeZone, "d MMM yyyy")}
              </time>
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <Form method="post" className="flex items-center gap-2">
                <span data-testid="active-sessions">{user._count.sessions === 1 ? "1 session" : `${user._count.sessions} sessions`}</span>
                <input type="hidden" name="userId" value={user.id} />
                {user._count.sessions > 0 ? (
                  <Button variant="secondary" name="intent" value="end-sessions" className="px-2 py-0.5 text-xs" aria-label={`End all of ${user.name}’s sessions`}>
                    End all sessions
                  </Button>
                ) : null}
              </Form>
            </td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-2 text-sm text-slate-600">
        Changing a role ends that person’s sessions on every device, so they sign in again and the new role applies at once.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Users · Admin · Incident Desk" }];

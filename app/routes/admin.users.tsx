import { data, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Button } from "~/components/ui/button.tsx";
import { DataTable } from "~/components/ui/data-table.tsx";
import { z } from "zod";
import { UserTimeZoneForm } from "~/components/admin/user-time-zone-form.tsx";
import { Time } from "~/components/ui/time.tsx";
import { setTimeZone, TimeZoneChangeSchema } from "~/modules/auth/time-zone.server.ts";
import { NewUserForm, RoleChangeForm, UserAccessForm, type UserFormOutcome } from "~/components/admin/user-forms.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { changeUser, endAllSessions, EndSessionsSchema, RoleChangeSchema, UserAccessSchema } from "~/modules/auth/user-changes.server.ts";
import { createUser, listUsers, NewUserSchema, PasswordField } from "~/modules/auth/users.server.ts";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const UserFormSchema = z.discriminatedUnion("intent", [
  // the page always asks for the first password (the API may leave it to the app)
  NewUserSchema.extend({ intent: z.literal("create"), password: PasswordField }),
  RoleChangeSchema.extend({ intent: z.literal("change-role") }),
  UserAccessSchema.extend({ intent: z.literal("disable") }),
  UserAccessSchema.extend({ intent: z.literal("enable") }),
  EndSessionsSchema.extend({ intent: z.literal("end-sessions") }),
  TimeZoneChangeSchema.extend({ intent: z.literal("time-zone") }),
]);

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "admin:users");
  return { users: await listUsers(), you: actor.userId };
});

/** The form that answers: the new-user form, or the form of one user's row ("disable:<id>"). */
function formKey(submitted: Record<string, FormDataEntryValue>): string {
  switch (submitted.intent) {
    case "create":
      return "create";
    default:
      return `${String(submitted.intent)}:${String(submitted.userId ?? "")}`;
  }
}

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "admin:users");
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, UserFormSchema, (form) => (submitted = Object.fromEntries(form)));
  const form = formKey(submitted);
  const text = (name: string) => (typeof submitted[name] === "string" ? (submitted[name] as string) : undefined);
  // the password is never sent back to the page
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<UserFormOutcome>({ ok: false, form, errors, values: { name: text("name"), email: text("email"), role: text("role") } }, init);
  if (!parsed.ok) return failed(parsed.errors);
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "create": {
        const { intent: _, ...user } = input;
        await createUser(actor, user);
        return data<UserFormOutcome>({ ok: true, form, created: { name: user.name, email: user.email } });
      }
      case "end-sessions":
        await endAllSessions(actor, { userId: input.userId });
        return data<UserFormOutcome>({ ok: true, form });
      case "time-zone":
        await setTimeZone(actor, { userId: input.userId, timeZone: input.timeZone });
        return data<UserFormOutcome>({ ok: true, form });
      case "disable":
        await changeUser(actor, input.userId, { disabled: true });
        return data<UserFormOutcome>({ ok: true, form });
      case "enable":
        await changeUser(actor, input.userId, { disabled: false });
        return data<UserFormOutcome>({ ok: true, form });
      case "change-role": {
        const { changed } = await changeUser(actor, input.userId, { role: input.role });
        return data<UserFormOutcome>({ ok: true, form, ...(changed.includes("role") ? { changed: { role: input.role } } : {}) });
      }
      default:
        return unhandledIntent(input);
    }
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
});

export default function AdminUsers() {
  const { users, you } = useLoaderData<typeof loader>();
  return (
    <div>
      <NewUserForm />
      <h2 className="mb-2 text-lg font-semibold">
        Users <span className="text-sm font-normal text-slate-600">({users.length})</span>
      </h2>
      <DataTable headers={["Name", "Email", "Role", "Time zone", "Added", "Active sessions", "Access"]}>
        {users.map((user) => (
          <tr
            key={user.id}
            className={`border-b border-slate-200 align-middle last:border-0 ${user.disabled ? "bg-slate-100 text-slate-700" : ""}`}
            data-testid="user-row"
          >
            <td className="px-3 py-2 font-medium">
              {user.name}
              {user.id === you ? <span className="ml-1.5 text-xs font-normal text-slate-600">(you)</span> : null}
              {user.disabled ? (
                <span className="ml-1.5 rounded border border-slate-500 bg-white px-1.5 py-0.5 text-xs font-semibold uppercase">
                  Disabled
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2">{user.email}</td>
            <td className="px-3 py-2">
              <RoleChangeForm user={user} isYou={user.id === you} />
            </td>
            <td className="px-3 py-2">
              <UserTimeZoneForm user={user} />
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <Time at={user.createdAt} format="d MMM yyyy" dateOnly />
            </td>
            <td className="whitespace-nowrap px-3 py-2">
              <Form method="post" className="flex items-center gap-2">
                <span data-testid="active-sessions">{user.activeSessions === 1 ? "1 session" : `${user.activeSessions} sessions`}</span>
                <input type="hidden" name="userId" value={user.id} />
                {user.activeSessions > 0 ? (
                  <Button
                    variant="secondary"
                    name="intent"
                    value="end-sessions"
                    className="px-2 py-0.5 text-xs"
                    aria-label={`End all of ${user.name}’s sessions`}
                  >
                    End all sessions
                  </Button>
                ) : null}
              </Form>
            </td>
            <td className="whitespace-nowrap px-3 py-2">{user.id === you ? null : <UserAccessForm user={user} />}</td>
          </tr>
        ))}
      </DataTable>
      <p className="mt-2 text-sm text-slate-600">
        Changing a role ends that person’s sessions on every device, so they sign in again and the new role applies at once. Disabling
        someone signs them out everywhere and closes their open rooms and editors; their API tokens answer 401 until they are enabled again.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Users · Admin · Incident Desk" }];

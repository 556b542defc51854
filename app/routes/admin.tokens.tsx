import { data, type ActionFunctionArgs, type HeadersFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Time } from "~/components/ui/time.tsx";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { DataTable } from "~/components/ui/data-table.tsx";
import { NewTokenForm, RevokeTokenForm, type TokenFormOutcome } from "~/components/admin/token-forms.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { actingRole, ROLE_LABELS, type RoleName } from "~/modules/auth/roles.ts";
import { createApiToken, listApiTokens, NewTokenSchema, RevokeTokenSchema, revokeApiToken } from "~/modules/auth/tokens.server.ts";
import { parseForm, unhandledIntent } from "~/utils/form.server.ts";
import { formRefusal, pageAction, pageLoader } from "~/utils/page-boundary.server.ts";

const TokenFormSchema = z.discriminatedUnion("intent", [
  NewTokenSchema.extend({ intent: z.literal("create") }),
  RevokeTokenSchema.extend({ intent: z.literal("revoke") }),
]);

/** A page or answer that may carry a new token must not be kept by any cache. */
const NO_STORE = { "Cache-Control": "no-store" };

export const loader = pageLoader(async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "admin:users");
  const tokens = await listApiTokens();
  return {
    tokens: tokens.map(({ user, ...t }) => ({
      ...t,
      role: t.role as RoleName,
      // what it may do now: its owner's role bounds it (decision 0028)
      actsAs: actingRole(t.role as RoleName, user.role as RoleName),
      owner: { name: user.name, role: user.role as RoleName, disabled: user.disabledAt !== null },
    })),
    timeZone: actor.timeZone,
  };
});

/** The form that answers: one token's revoke button ("revoke:<id>"), or the new-token form. */
function formKey(submitted: Record<string, FormDataEntryValue>): string {
  switch (submitted.intent) {
    case "revoke":
      return `revoke:${String(submitted.tokenId ?? "")}`;
    default:
      return "create";
  }
}

export const action = pageAction(async function action({ request }: ActionFunctionArgs) {
  const actor = await requireActor(request, "admin:users");
  let submitted: Record<string, FormDataEntryValue> = {};
  const parsed = await parseForm(request, TokenFormSchema, (form) => (submitted = Object.fromEntries(form)));
  const form = formKey(submitted);
  const text = (name: string) => (typeof submitted[name] === "string" ? (submitted[name] as string) : undefined);
  const failed = (errors: Record<string, string>, init: ResponseInit = { status: 422 }) =>
    data<TokenFormOutcome>({ ok: false, form, errors, values: { name: text("name"), role: text("role") } }, init);
  if (!parsed.ok) return failed(parsed.errors);
  try {
    const input = parsed.data;
    switch (input.intent) {
      case "create": {
        const created = await createApiToken(actor, { name: input.name, role: input.role });
        return data<TokenFormOutcome>(
          { ok: true, form, created: { name: created.name, role: created.role, token: created.token } },
          { headers: NO_STORE },
        );
      }
      case "revoke":
        await revokeApiToken(actor, input.tokenId);
        return data<TokenFormOutcome>({ ok: true, form });
      default:
        return unhandledIntent(input);
    }
  } catch (error) {
    const refusal = formRefusal(error);
    return failed(refusal.errors, refusal.init);
  }
});

export default function AdminTokens() {
  const { tokens } = useLoaderData<typeof loader>();
  const when = (at: Date | null, never: string) =>
    at ? <Time at={at} format="d MMM yyyy HH:mm" /> : <span className="text-slate-600">{never}</span>;
  return (
    <div>
      <NewTokenForm />
      <h2 className="mb-2 text-lg font-semibold">
        API tokens <span className="text-sm font-normal text-slate-600">({tokens.filter((t) => !t.revokedAt).length} active)</span>
      </h2>
      <DataTable headers={["Name", "Role", "Owner", "Created", "Last used", "Status", <span className="sr-only">Actions</span>]}>
        {tokens.length === 0 ? (
          <tr>
            <td colSpan={7} className="px-3 py-6 text-center text-slate-600">
              No API tokens yet.
            </td>
          </tr>
        ) : null}
        {tokens.map((token) => (
          <tr
            key={token.id}
            className={`border-b border-slate-200 align-middle last:border-0 ${token.revokedAt ? "bg-slate-50 text-slate-600" : ""}`}
          >
            <td className={`px-3 py-2 font-medium ${token.revokedAt ? "line-through decoration-slate-400" : ""}`}>{token.name}</td>
            <td className="px-3 py-2">
              {ROLE_LABELS[token.role]}
              {!token.revokedAt && token.actsAs !== token.role ? (
                <span className="block text-xs text-amber-900">
                  acts as {ROLE_LABELS[token.actsAs]}: its owner is {ROLE_LABELS[token.owner.role]}
                </span>
              ) : null}
            </td>
            <td className="px-3 py-2">
              {token.owner.name}
              {token.owner.disabled ? <span className="block text-xs text-amber-900">disabled: the token answers 401</span> : null}
            </td>
            <td className="whitespace-nowrap px-3 py-2">{when(token.createdAt, "")}</td>
            <td className="whitespace-nowrap px-3 py-2">{when(token.lastUsedAt, "Never")}</td>
            <td className="whitespace-nowrap px-3 py-2">
              {token.revokedAt ? (
                <span>Revoked {when(token.revokedAt, "")}</span>
              ) : (
                <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-semibold text-green-900 ring-1 ring-green-300">
                  Active
                </span>
              )}
            </td>
            <td className="px-3 py-2 text-right">{token.revokedAt ? null : <RevokeTokenForm token={token} />}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "API tokens · Admin · Incident Desk" }];

export const headers: HeadersFunction = () => NO_STORE;

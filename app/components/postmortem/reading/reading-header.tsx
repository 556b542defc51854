// The top of the leadership page: what this is, about which incident, in what state, by whom
// and when; the links to edit it, export it and print it (not printed themselves).
import { Time } from "~/components/ui/time.tsx";
import { Link } from "@remix-run/react";
import { SeverityBadge } from "~/components/ui/badges.tsx";
import type { PostmortemView } from "~/modules/postmortems/view.ts";
import { listInWords } from "~/modules/notices/grammar.ts";
import { authorNames, showsLocalTime } from "~/modules/postmortems/reading.ts";
import { POSTMORTEM_STATE_LABELS, type PostmortemStateName } from "~/modules/postmortems/sections.ts";
import { inUtc } from "~/utils/time.ts";
import { PrintButton } from "./print-button.tsx";

const STATE_STYLE: Record<PostmortemStateName, string> = {
  draft: "bg-slate-100 text-slate-900 ring-slate-400",
  in_review: "bg-amber-100 text-amber-950 ring-amber-400",
  approved: "bg-blue-100 text-blue-950 ring-blue-400",
  published: "bg-green-100 text-green-950 ring-green-500",
};

export function PostmortemStateBadge({ state }: { state: PostmortemStateName }) {
  return (
    <span className={`pm-badge inline-block rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${STATE_STYLE[state]}`}>
      {POSTMORTEM_STATE_LABELS[state]}
    </span>
  );
}

const ACTION_LINK =
  "rounded border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-900 no-underline hover:bg-slate-100 hover:no-underline";

type Props = {
  postmortem: Omit<NonNullable<PostmortemView>, "sections" | "changes">;
  commander: string | null;
  timeZone: string;
  canEdit: boolean;
};

export function ReadingHeader({ postmortem: pm, commander, timeZone, canEdit }: Props) {
  const dates = [
    { label: "Written", at: pm.createdAt },
    pm.submittedAt ? { label: "Sent for review", at: pm.submittedAt } : null,
    pm.approvedAt ? { label: "Approved", at: pm.approvedAt } : null,
    pm.publishedAt ? { label: "Published", at: pm.publishedAt } : null,
  ].filter((d): d is { label: string; at: string } => d !== null);
  return (
    <header className="mb-6 border-b border-slate-300 pb-5">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <p className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
          <span className="font-medium">Post-mortem of</span>
          <Link to={`/incidents/${pm.incident.ref}`} className="font-mono font-semibold">
            {pm.incident.ref}
          </Link>
          <span className="pm-badge">
            <SeverityBadge severity={pm.incident.severity} />
          </span>
          <PostmortemStateBadge state={pm.state} />
        </p>
        <nav aria-label="Post-mortem actions" className="flex flex-wrap gap-2 print:hidden">
          {canEdit ? (
            <Link to={`/postmortems/${pm.id}/edit`} className={ACTION_LINK}>
              Edit
            </Link>
          ) : null}
          <a href={`/postmortems/${pm.id}.md`} className={ACTION_LINK}>
            Markdown
          </a>
          <PrintButton className={ACTION_LINK} />
        </nav>
      </div>
      <h1 className="mt-2 text-3xl font-semibold leading-tight text-slate-950">{pm.title}</h1>
      <dl className="mt-4 grid grid-cols-1 gap-x-8 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-600">Incident</dt>
        <dd>
          {pm.incident.title}, started <Time at={pm.incident.startedAt} format="d MMM yyyy HH:mm" />
          {showsLocalTime([pm.incident.startedAt], timeZone) ? (
            <span className="text-slate-600"> ({inUtc(pm.incident.startedAt, "d MMM HH:mm")})</span>
          ) : null}
          {commander ? <span className="text-slate-600">; incident commander {commander}</span> : null}
        </dd>
        <dt className="text-slate-600">Authors</dt>
        <dd data-testid="authors">
          {listInWords(authorNames(pm.author, pm.contributors))}
          <span className="text-slate-600">{pm.approvedBy ? "; approved by " : "; not approved yet"}</span>
          {pm.approvedBy?.name}
        </dd>
        <dt className="text-slate-600">Dates</dt>
        <dd>
          {dates.map((d, i) => (
            <span key={d.label}>
              {i ? " · " : ""}
              {d.label} <Time at={d.at} format="d MMM yyyy" dateOnly />
            </span>
          ))}
        </dd>
      </dl>
    </header>
  );
}

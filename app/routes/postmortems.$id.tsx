import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { ActionItemsTable } from "~/components/postmortem/reading/action-items-table.tsx";
import { HeadlineNumbersPanel } from "~/components/postmortem/reading/headline-numbers.tsx";
import { KeyMomentsTable } from "~/components/postmortem/reading/key-moments.tsx";
import { ReadingHeader } from "~/components/postmortem/reading/reading-header.tsx";
import { ReadingSections } from "~/components/postmortem/reading/reading-sections.tsx";
import readingStyles from "~/components/postmortem/reading/reading.css?url";
import { GeneralErrorBoundary } from "~/components/error-boundary.tsx";
import { requireActor } from "~/modules/auth/actor.server.ts";
import { can } from "~/modules/auth/roles.ts";
import { requireLeadershipReport } from "~/modules/postmortems/leadership.server.ts";
import { sectionsToRead, type SectionToRead } from "~/modules/postmortems/reading.ts";
import { pageLoader } from "~/utils/page-boundary.server.ts";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: readingStyles }];

export const loader = pageLoader(async function loader({ request, params }: LoaderFunctionArgs) {
  const actor = await requireActor(request, "read");
  const { postmortem, ...report } = await requireLeadershipReport(params.id!);
  const { sections, changes: _changes, ...header } = postmortem;
  return {
    ...report,
    postmortem: header,
    // The sections as one JSON string: the page data's encoder (turbo-stream) takes ~10x longer
    // on a large nested document than JSON does on a string (bench/postmortem).
    sectionsJson: JSON.stringify(sectionsToRead(sections, postmortem.state)),
    timeZone: actor.timeZone,
    canEdit: can(actor.role, "postmortem:write"),
  };
});

export default function PostmortemReading() {
  const { postmortem, sectionsJson, commander, numbers, moments, now, timeZone, canEdit } = useLoaderData<typeof loader>();
  const sections = useMemo(() => JSON.parse(sectionsJson) as SectionToRead[], [sectionsJson]);
  return (
    <article className="pm-read mx-auto max-w-5xl">
      <p className="mb-3 text-sm print:hidden">
        <Link to="/postmortems">← All post-mortems</Link>
      </p>
      <ReadingHeader postmortem={postmortem} commander={commander} timeZone={timeZone} canEdit={canEdit} />
      <HeadlineNumbersPanel numbers={numbers} />
      <KeyMomentsTable moments={moments} timeZone={timeZone} />
      <ReadingSections sections={sections} />
      <ActionItemsTable items={postmortem.actionItems} timeZone={timeZone} now={now} />
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.postmortem.title} · Post-mortem · Incident Desk` : "Post-mortem · Incident Desk" },
];

export function ErrorBoundary() {
  return (
    <GeneralErrorBoundary
      byStatus={{ 404: { title: "Post-mortem not found", message: "There is no post-mortem with this id or incident reference." } }}
    />
  );
}

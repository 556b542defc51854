// Beside a root-cause report in the comms tab: how to format it, and the words customers should
// not read (internal names, versions) for the writer to reword. Advice, never a block.
import { reportLint, type ReportLintIssue } from "~/modules/postmortems/report-lint.ts";

export const REPORT_FORMAT_HINT =
  "Formatting: “## ” starts a heading, “- ” or “1. ” a list item; **bold**, _italic_, [link text](https://…).";

export function ReportWordsWarning({ issues }: { issues: ReportLintIssue[] }) {
  if (issues.length === 0) return null;
  return (
    <div
      role="note"
      data-testid="report-lint"
      className="mt-2 rounded border border-amber-300 bg-amber-50 px-2 py-1.5 text-sm text-amber-950"
    >
      {issues.map((issue) => (
        <p key={issue.rule}>{issue.message}</p>
      ))}
    </div>
  );
}

/** The same check on the text being typed, before it is saved. */
export function LiveReportWords({ text }: { text: string }) {
  return <ReportWordsWarning issues={reportLint(text)} />;
}

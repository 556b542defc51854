// The one error boundary: a title and a message per status, with defaults every page shares.
// Routes pass only what they say differently (the root adds a full-page layout and a link).
import { isRouteErrorResponse, useRouteError } from "@remix-run/react";
import type { ReactNode } from "react";

type Copy = { title: string; message: string };

const DEFAULTS: Record<number, Copy> = {
  403: { title: "Not allowed", message: "Your role does not allow this." },
  404: { title: "Not found", message: "There is nothing here." },
  503: {
    title: "The database does not answer",
    message: "This could not be loaded or saved just now. Try again in a few seconds; the public status page is still being served.",
  },
};
const UNEXPECTED: Copy = { title: "Something went wrong", message: "Something went wrong on our side. The error has been logged." };

export function GeneralErrorBoundary({
  byStatus = {},
  unexpected = {},
  className = "rounded-lg border border-red-300 bg-red-50 p-4 text-red-900",
  children,
}: {
  /** what this page says for a status (403, 404, …) */
  byStatus?: Record<number, Partial<Copy>>;
  /** what this page says for anything else */
  unexpected?: Partial<Copy>;
  className?: string;
  children?: ReactNode;
}) {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const known = DEFAULTS[status];
  // A 4xx without its own copy says what the server said (the text of the thrown Response).
  const told =
    isRouteErrorResponse(error) && status < 500 && !known
      ? { title: `Error ${status}`, message: String(error.data || error.statusText) }
      : null;
  const copy = { ...UNEXPECTED, ...unexpected, ...(told ?? {}), ...(known ?? {}), ...(byStatus[status] ?? {}) };
  return (
    <div role="alert" className={className}>
      <h1 className="font-semibold">{copy.title}</h1>
      <p className="mt-1">{copy.message}</p>
      {children}
    </div>
  );
}

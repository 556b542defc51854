// Every figure on the insights page links to the incidents behind it: /insights/incidents
// lists them for the figure's key under the same filters.
import { Link } from "@remix-run/react";
import { createContext, useContext, type ReactNode } from "react";

/** The filters the page was built with, as a query string. */
export const FiltersQuery = createContext("");

export function useFigureHref(key: string): string {
  const query = new URLSearchParams(useContext(FiltersQuery));
  query.set("figure", key);
  return `/insights/incidents?${query}`;
}

export function FigureLink({
  figure,
  children,
  label,
}: {
  figure: { key: string; incidentCount: number };
  children: ReactNode;
  label?: string;
}) {
  const href = useFigureHref(figure.key);
  const n = figure.incidentCount;
  return (
    <Link
      to={href}
      className="font-semibold underline decoration-1 underline-offset-2"
      title={`${n} incident${n === 1 ? "" : "s"} behind this figure`}
      aria-label={label}
      data-figure={figure.key}
    >
      {children}
    </Link>
  );
}

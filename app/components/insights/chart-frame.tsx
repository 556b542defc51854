// A chart with its table: the chart is drawn in the browser (recharts renders nothing on the
// server), the table is always in the page, open until the chart is there, so the figures are
// readable without JavaScript and by screen readers (the drawing itself is hidden from them).
import { useEffect, useState, type ReactNode } from "react";

export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

export function ChartFrame({
  id,
  title,
  description,
  chart,
  table,
}: {
  id: string;
  title: string;
  description: ReactNode;
  chart: () => ReactNode;
  table: ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-300 bg-white p-4" data-testid={`chart-${id}`}>
      <figcaption>
        <h3 id={`${id}-title`} className="font-semibold">
          {title}
        </h3>
        <p className="text-sm text-slate-700">{description}</p>
      </figcaption>
      <div aria-hidden="true" className="mt-3 min-h-64">
        {hydrated ? (
          chart()
        ) : (
          <p className="py-8 text-center text-sm text-slate-600">The chart is drawn with JavaScript; the table below holds every figure.</p>
        )}
      </div>
      <details open={!hydrated} className="mt-2 text-sm">
        <summary className="cursor-pointer text-slate-800">Table: {title.toLowerCase()}</summary>
        <div className="mt-2 overflow-x-auto">{table}</div>
      </details>
    </figure>
  );
}

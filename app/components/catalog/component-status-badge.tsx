// A component's current status, always as words, with colour only as a second cue.
const STATUS: Record<string, { label: string; style: string }> = {
  operational: { label: "Operational", style: "bg-green-100 text-green-900 ring-green-300" },
  degraded_performance: { label: "Degraded performance", style: "bg-yellow-100 text-yellow-900 ring-yellow-300" },
  partial_outage: { label: "Partial outage", style: "bg-orange-100 text-orange-900 ring-orange-300" },
  major_outage: { label: "Major outage", style: "bg-red-100 text-red-900 ring-red-300" },
  under_maintenance: { label: "Under maintenance", style: "bg-blue-100 text-blue-900 ring-blue-300" },
};

export function ComponentStatusBadge({ status }: { status: string }) {
  const { label, style } = STATUS[status] ?? { label: status.replace(/_/g, " "), style: "bg-slate-100 text-slate-900 ring-slate-300" };
  return <span className={`inline-block whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ${style}`}>{label}</span>;
}

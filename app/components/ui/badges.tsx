// Severity, status and impact are always shown as words, with colour only as a second cue.
const SEVERITY_STYLE: Record<string, string> = {
  SEV1: "bg-red-700 text-white",
  SEV2: "bg-orange-700 text-white",
  SEV3: "bg-amber-200 text-amber-950",
  SEV4: "bg-slate-200 text-slate-900",
};

const STATUS_STYLE: Record<string, string> = {
  investigating: "bg-red-100 text-red-900 ring-red-300",
  identified: "bg-orange-100 text-orange-900 ring-orange-300",
  monitoring: "bg-blue-100 text-blue-900 ring-blue-300",
  resolved: "bg-green-100 text-green-900 ring-green-300",
};

const IMPACT_STYLE: Record<string, string> = {
  degraded_performance: "bg-yellow-100 text-yellow-900",
  partial_outage: "bg-orange-100 text-orange-900",
  major_outage: "bg-red-100 text-red-900",
};

export function SeverityBadge({ severity }: { severity: string }) {
  return <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-bold ${SEVERITY_STYLE[severity] ?? ""}`}>{severity}</span>;
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span className={`inline-block rounded-full px-2 py-0.5 text-xs font-semibold capitalize ring-1 ${STATUS_STYLE[status] ?? ""}`}>
      {status}
    </span>
  );
}

export function ImpactBadge({ impact }: { impact: string }) {
  return (
    <span className={`inline-block rounded px-1.5 py-0.5 text-xs font-medium ${IMPACT_STYLE[impact] ?? ""}`}>
      {impact.replace(/_/g, " ")}
    </span>
  );
}

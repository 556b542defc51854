// How each public state looks: always a word and an icon shape, colour only as a second cue,
// so the page reads the same to colour-blind visitors and on a black-and-white printout.
import { COMPONENT_STATUS_LABELS, type ComponentStatusName, type IncidentImpact } from "~/modules/status-page/model.ts";
import type { PageIndicator } from "~/modules/status-page/indicator.ts";

type IconShape = "check" | "minus" | "exclamation" | "cross" | "clock";

const STATUS_LOOK: Record<ComponentStatusName, { text: string; bar: string; icon: IconShape }> = {
  operational: { text: "text-emerald-700", bar: "bg-emerald-500", icon: "check" },
  degraded_performance: { text: "text-yellow-700", bar: "bg-yellow-400", icon: "minus" },
  partial_outage: { text: "text-orange-700", bar: "bg-orange-500", icon: "exclamation" },
  major_outage: { text: "text-red-700", bar: "bg-red-600", icon: "cross" },
  under_maintenance: { text: "text-blue-700", bar: "bg-blue-500", icon: "clock" },
};

export const NO_DATA_BAR = "bg-slate-200";

export function statusBarClass(status: ComponentStatusName | null): string {
  return status ? STATUS_LOOK[status].bar : NO_DATA_BAR;
}

// The banner's icon is drawn in the text colour, its glyph cut out in the banner's colour.
const INDICATOR_LOOK: Record<PageIndicator, { banner: string; glyph: string; icon: IconShape }> = {
  none: { banner: "bg-emerald-600 text-white", glyph: "stroke-emerald-600", icon: "check" },
  minor: { banner: "bg-yellow-300 text-yellow-950", glyph: "stroke-yellow-300", icon: "minus" },
  major: { banner: "bg-orange-700 text-white", glyph: "stroke-orange-700", icon: "exclamation" },
  critical: { banner: "bg-red-700 text-white", glyph: "stroke-red-700", icon: "cross" },
  maintenance: { banner: "bg-blue-600 text-white", glyph: "stroke-blue-600", icon: "clock" },
};

export function indicatorBannerClass(indicator: PageIndicator): string {
  return INDICATOR_LOOK[indicator].banner;
}

/** Title colour of an incident by its impact, as Statuspage colours them. */
export const IMPACT_TEXT: Record<IncidentImpact | "maintenance", string> = {
  none: "text-slate-900",
  minor: "text-yellow-800",
  major: "text-orange-700",
  critical: "text-red-700",
  maintenance: "text-blue-700",
};

const GLYPH: Record<IconShape, string> = {
  check: "M6 10.5l2.6 2.5L14 7.5",
  minus: "M6 10h8",
  exclamation: "M10 5.5v5.5M10 14.2v.3",
  cross: "M7 7l6 6M13 7l-6 6",
  clock: "M10 5.5V10l3 2",
};

export function Icon({
  shape,
  className = "",
  glyphClass = "stroke-white",
}: {
  shape: IconShape;
  className?: string;
  glyphClass?: string;
}) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" focusable="false" className={`inline-block size-5 shrink-0 ${className}`}>
      <circle cx="10" cy="10" r="9" fill="currentColor" />
      <path
        d={GLYPH[shape]}
        fill="none"
        className={`${glyphClass} print:stroke-white`}
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}

export function IndicatorIcon({ indicator, className = "" }: { indicator: PageIndicator; className?: string }) {
  const look = INDICATOR_LOOK[indicator];
  return <Icon shape={look.icon} glyphClass={look.glyph} className={className} />;
}

/** "✓ Operational", "! Partial outage": the icon and the word together, in the state's colour. */
export function StatusLabel({ status, className = "" }: { status: ComponentStatusName; className?: string }) {
  const look = STATUS_LOOK[status];
  return (
    <span className={`inline-flex items-center gap-1.5 text-sm font-medium print:text-black ${look.text} ${className}`}>
      <Icon shape={look.icon} className="size-4" />
      {COMPONENT_STATUS_LABELS[status]}
    </span>
  );
}

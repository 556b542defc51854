// Colours and fills of the insights charts. Every colour has at least 4.5:1 contrast on white
// (WCAG asks 3:1 for graphics), and no series is told apart by colour alone: stacked bars also
// differ by pattern, lines by dash and marker, and every chart has its table.
import type { ComponentImpactName, SeverityName } from "~/modules/incidents/lifecycle.ts";

export type Fill = { color: string; pattern: "solid" | "stripes" | "dots" | "cross"; label: string };

export const SEVERITY_FILLS: Record<SeverityName, Fill> = {
  SEV1: { color: "#991b1b", pattern: "solid", label: "SEV1" },
  SEV2: { color: "#c2410c", pattern: "stripes", label: "SEV2" },
  SEV3: { color: "#a16207", pattern: "dots", label: "SEV3" },
  SEV4: { color: "#475569", pattern: "cross", label: "SEV4" },
};

export const IMPACT_FILLS: Record<ComponentImpactName, Fill> = {
  major_outage: { color: "#991b1b", pattern: "solid", label: "Major outage" },
  partial_outage: { color: "#c2410c", pattern: "stripes", label: "Partial outage" },
  degraded_performance: { color: "#a16207", pattern: "dots", label: "Degraded performance" },
};

export const ACTION_FILLS = {
  opened: { color: "#1d4ed8", pattern: "solid", label: "Opened" },
  closed: { color: "#166534", pattern: "stripes", label: "Closed" },
} as const satisfies Record<string, Fill>;

export type LineStyle = { color: string; dash: string | undefined; marker: "circle" | "square" | "triangle" | "diamond"; label: string };

export const MEASURE_LINES = {
  detect: { color: "#1d4ed8", dash: undefined, marker: "circle", label: "Detect" },
  acknowledge: { color: "#7e22ce", dash: "6 3", marker: "square", label: "Acknowledge" },
  mitigate: { color: "#b45309", dash: "2 3", marker: "triangle", label: "Mitigate" },
  resolve: { color: "#166534", dash: "10 4", marker: "diamond", label: "Resolve" },
} as const satisfies Record<string, LineStyle>;

/** The SVG fill for a series: a pattern id defined by <FillPatterns prefix=…> in the same chart, or the colour. */
export function fillRef(prefix: string, name: string, fill: Fill): string {
  return fill.pattern === "solid" ? fill.color : `url(#${prefix}-${name})`;
}

// The cases of one-set-of-numbers.test.ts: the base incident (components A, B and C), the steps that correct
// its milestones and impact windows, the scenarios (each step and the incident as it leaves it), and the
// numbers worked out from them minute by minute.

export const MINUTE = 60_000;
export const DAY = 24 * 60 * MINUTE;
export const LEVELS = ["major_outage", "partial_outage", "degraded_performance"] as const;
export type Level = (typeof LEVELS)[number];
export const LABEL: Record<Level, string> = {
  major_outage: "major outage",
  partial_outage: "partial outage",
  degraded_performance: "degraded performance",
};
export const RANK: Record<Level, number> = { major_outage: 3, partial_outage: 2, degraded_performance: 1 };

/** Minutes after the declaration (T). */
export type Window = { c: "A" | "B" | "C"; level: Level; from: number; to: number };
export type State = { started: number; resolved: number; windows: Window[] };
export type Step = { label: string; patch?: Record<string, unknown>; impact?: Window[] };

// Declared at T with A degraded then major, B partial, C degraded at the end; resolved at T+30.
export const BASE: State = {
  started: 0,
  resolved: 30,
  windows: [
    { c: "A", level: "degraded_performance", from: 0, to: 10 },
    { c: "A", level: "major_outage", from: 10, to: 20 },
    { c: "B", level: "partial_outage", from: 0, to: 25 },
    { c: "C", level: "degraded_performance", from: 25, to: 30 },
  ],
};

export const step = {
  startedEarlier: (move: boolean): Step => ({
    label: `Started 15 min earlier${move ? ", windows moved" : ", windows kept"}`,
    patch: { startedAt: -15, moveImpactWindows: move },
  }),
  startedLater: (move: boolean): Step => ({
    label: `Started 5 min later${move ? "" : ", windows kept"}`,
    patch: { startedAt: 5, moveImpactWindows: move },
  }),
  resolvedEarlier: (): Step => ({ label: "Resolved 8 min earlier", patch: { resolvedAt: 22 } }),
  resolvedLater: (move: boolean): Step => ({
    label: `Resolved 10 min later${move ? ", windows moved" : ", windows kept"}`,
    patch: { resolvedAt: 40, moveImpactWindows: move },
  }),
  windowEdited: (): Step => ({
    label: "B's window edited by hand to begin at T+2",
    impact: [...BASE.windows.filter((w) => w.c !== "B"), { c: "B", level: "partial_outage", from: 2, to: 25 }],
  }),
};

export const w = (c: Window["c"], level: Level, from: number, to: number): Window => ({ c, level, from, to });
export const [aDeg, aMaj, bPar, cDeg] = BASE.windows;

/** Each scenario: its steps, and the incident as each step leaves it. */
export const SCENARIOS: { name: string; steps: [Step, State][] }[] = [
  {
    name: "Started earlier, windows moved",
    steps: [
      [
        step.startedEarlier(true),
        { started: -15, resolved: 30, windows: [w("A", aDeg.level, -15, 10), aMaj, w("B", bPar.level, -15, 25), cDeg] },
      ],
    ],
  },
  { name: "Started earlier, windows kept", steps: [[step.startedEarlier(false), { ...BASE, started: -15 }]] },
  {
    name: "Started later",
    steps: [
      [step.startedLater(true), { started: 5, resolved: 30, windows: [w("A", aDeg.level, 5, 10), aMaj, w("B", bPar.level, 5, 25), cDeg] }],
    ],
  },
  {
    name: "Resolved later, windows moved",
    steps: [[step.resolvedLater(true), { started: 0, resolved: 40, windows: [aDeg, aMaj, bPar, w("C", cDeg.level, 25, 40)] }]],
  },
  { name: "Resolved later, windows kept", steps: [[step.resolvedLater(false), { ...BASE, resolved: 40 }]] },
  {
    name: "Resolved earlier",
    steps: [[step.resolvedEarlier(), { started: 0, resolved: 22, windows: [aDeg, aMaj, w("B", bPar.level, 0, 22)] }]],
  },
  {
    name: "A window edited, then Started moved",
    steps: [
      [step.windowEdited(), { ...BASE, windows: [aDeg, aMaj, w("B", bPar.level, 2, 25), cDeg] }],
      [
        step.startedEarlier(true),
        { started: -15, resolved: 30, windows: [w("A", aDeg.level, -15, 10), aMaj, w("B", bPar.level, 2, 25), cDeg] },
      ],
    ],
  },
  {
    name: "Started and Resolved moved back and forth",
    steps: [
      [
        step.startedEarlier(true),
        { started: -15, resolved: 30, windows: [w("A", aDeg.level, -15, 10), aMaj, w("B", bPar.level, -15, 25), cDeg] },
      ],
      [
        step.resolvedLater(true),
        {
          started: -15,
          resolved: 40,
          windows: [w("A", aDeg.level, -15, 10), aMaj, w("B", bPar.level, -15, 25), w("C", cDeg.level, 25, 40)],
        },
      ],
      [
        step.startedLater(false),
        { started: 5, resolved: 40, windows: [w("A", aDeg.level, 5, 10), aMaj, w("B", bPar.level, 5, 25), w("C", cDeg.level, 25, 40)] },
      ],
      [step.resolvedEarlier(), { started: 5, resolved: 22, windows: [w("A", aDeg.level, 5, 10), aMaj, w("B", bPar.level, 5, 22)] }],
    ],
  },
  {
    name: "Resolved earlier, then later again",
    steps: [
      [step.resolvedEarlier(), { started: 0, resolved: 22, windows: [aDeg, aMaj, w("B", bPar.level, 0, 22)] }],
      // B ended at the old resolution, so it follows the new one.
      [step.resolvedLater(true), { started: 0, resolved: 40, windows: [aDeg, aMaj, w("B", bPar.level, 0, 40)] }],
    ],
  },
];

/** What the numbers must be, counted minute by minute: at each minute the worst level of any window. */
export function expectedNumbers(state: State) {
  const byLevel: Record<Level, number> = { major_outage: 0, partial_outage: 0, degraded_performance: 0 };
  const perComponent = new Map<string, Record<Level, number>>();
  for (let m = state.started; m < state.resolved; m++) {
    const covering = state.windows.filter((x) => x.from <= m && x.to > m);
    const worst = covering.sort((a, b) => RANK[b.level] - RANK[a.level])[0];
    if (worst) byLevel[worst.level] += MINUTE;
    for (const x of covering) {
      const own = perComponent.get(x.c) ?? { major_outage: 0, partial_outage: 0, degraded_performance: 0 };
      own[x.level] += MINUTE;
      perComponent.set(x.c, own);
    }
  }
  return {
    duration: (state.resolved - state.started) * MINUTE,
    byLevel,
    total: byLevel.major_outage + byLevel.partial_outage + byLevel.degraded_performance,
    perComponent,
  };
}

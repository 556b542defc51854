// Whether this instance should be sent traffic: what /healthz answers a load balancer. Ready only
// while every dependency it serves from answers and it is not draining (SIGTERM received: the
// balancer is given a moment to stop sending before the instance stops accepting). Pure: the
// checks are handed in (readiness.server.ts wires the database's).

export type ReadinessCheck = {
  /** what the operator reads in /healthz when it fails: "database", "redis" */
  name: string;
  /** true while it answers; a check that throws counts as not answering */
  answers: () => Promise<boolean>;
};

export type Readiness = { status: "ok" } | { status: "draining" } | { status: "unavailable"; failing: string[] };

export function createReadiness(initial: ReadinessCheck[]) {
  const checks = new Map(initial.map((check) => [check.name, check]));
  let draining = false;
  return {
    /** Adds (or replaces, by name) a dependency /healthz waits for, e.g. Redis when REDIS_URL is set. */
    addCheck(check: ReadinessCheck) {
      checks.set(check.name, check);
    },
    /** From now on /healthz says "draining" (503), whatever the checks say; there is no way back. */
    beginDraining() {
      draining = true;
    },
    async readiness(): Promise<Readiness> {
      if (draining) return { status: "draining" };
      const results = await Promise.all(
        [...checks.values()].map(async (check) => ({ name: check.name, ok: await check.answers().catch(() => false) })),
      );
      const failing = results.filter((r) => !r.ok).map((r) => r.name);
      return failing.length ? { status: "unavailable", failing } : { status: "ok" };
    },
  };
}

import { describe, expect, it } from "vitest";
import { createReadiness } from "./readiness.ts";

const answering = (ok: boolean) => async () => ok;

describe("readiness", () => {
  it("is ok while every check answers", async () => {
    const ready = createReadiness([{ name: "database", answers: answering(true) }]);
    expect(await ready.readiness()).toEqual({ status: "ok" });
  });

  it("names each check that does not answer, a throwing one included", async () => {
    const ready = createReadiness([{ name: "database", answers: answering(false) }]);
    ready.addCheck({ name: "redis", answers: () => Promise.reject(new Error("ECONNREFUSED")) });
    expect(await ready.readiness()).toEqual({ status: "unavailable", failing: ["database", "redis"] });
  });

  it("replaces a check added again under the same name", async () => {
    const ready = createReadiness([{ name: "database", answers: answering(true) }]);
    ready.addCheck({ name: "redis", answers: answering(false) });
    ready.addCheck({ name: "redis", answers: answering(true) });
    expect(await ready.readiness()).toEqual({ status: "ok" });
  });

  it("says draining once draining begins, even while everything answers, and stays so", async () => {
    const ready = createReadiness([{ name: "database", answers: answering(true) }]);
    ready.beginDraining();
    expect(await ready.readiness()).toEqual({ status: "draining" });
    expect(await ready.readiness()).toEqual({ status: "draining" });
  });
});

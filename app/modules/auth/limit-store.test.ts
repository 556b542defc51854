import { describe } from "vitest";
import { behavesAsALimitStore } from "../../../tests/setup/limit-store-behaviour.ts";
import { memoryLimitStore } from "./limit-store.ts";

describe("memoryLimitStore", () => {
  behavesAsALimitStore((now) => memoryLimitStore({ now }));
});

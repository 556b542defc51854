import { describe, expect, it } from "vitest";
import { passwordProblem } from "./password-rules.ts";

const common = new Set(["password1234", "qwertyuiop12", "1qaz2wsx3edc"]);
const owner = { email: "dana.whitfield@northwind.example", name: "Dana Whitfield" };

describe("passwordProblem", () => {
  it("accepts a long passphrase", () => {
    expect(passwordProblem("correct horse battery staple", owner, common)).toBeNull();
    expect(passwordProblem("demo-password-2026", owner, common)).toBeNull();
  });

  it("refuses fewer than 12 characters, counting characters rather than bytes", () => {
    expect(passwordProblem("short-pass1", owner, common)).toBe("must be at least 12 characters");
    expect(passwordProblem("🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥", owner, common)).toBe("must be at least 12 characters");
    expect(passwordProblem("🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥🔥", owner, common)).toBeNull();
  });

  it("refuses more than 200 characters", () => {
    expect(passwordProblem("a".repeat(200) + "b", owner, common)).toBe("must be at most 200 characters");
    expect(passwordProblem("ab".repeat(100), owner, common)).toBeNull();
  });

  it("refuses a common password whatever its case", () => {
    expect(passwordProblem("Password1234", owner, common)).toMatch(/most common passwords/);
    expect(passwordProblem("1QAZ2WSX3EDC", owner, common)).toMatch(/most common passwords/);
  });

  it("refuses the account's email, its local part and its name", () => {
    expect(passwordProblem("Dana.Whitfield@northwind.example", owner, common)).toBe("must not be your email address");
    expect(passwordProblem("dana.whitfield", owner, common)).toBe("must not be your email address");
    expect(passwordProblem("Dana Whitfield", { email: "ops@northwind.example", name: "Dana Whitfield" }, common)).toBe(
      "must not be your name",
    );
    expect(passwordProblem("dana whitfield and more", owner, common)).toBeNull();
  });
});

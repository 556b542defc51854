import { describe, expect, it } from "vitest";
import { updateInputFromForm } from "./forms.ts";
import { NewUpdateSchema } from "./schemas.ts";

function form(entries: [string, string][]) {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
}

describe("the comms tab form", () => {
  it("becomes the API's input: components that change, notify, the promised next update", () => {
    const input = updateInputFromForm(
      form([
        ["status", "identified"],
        ["body", "We found it."],
        ["component.abc", "partial_outage"],
        ["component.def", ""],
        ["notify", "on"],
        ["nextUpdateInMinutes", "30"],
      ]),
    );
    expect(NewUpdateSchema.parse(input)).toMatchObject({
      status: "identified",
      body: "We found it.",
      components: [{ id: "abc", status: "partial_outage" }],
      notify: true,
      nextUpdateInMinutes: 30,
    });
  });

  it("promises nothing and notifies nobody when those are left empty", () => {
    const input = NewUpdateSchema.parse(
      updateInputFromForm(
        form([
          ["status", "resolved"],
          ["body", "Fixed."],
          ["nextUpdateInMinutes", ""],
        ]),
      ),
    );
    expect(input.notify).toBe(false);
    expect(input.nextUpdateInMinutes).toBeNull();
  });

  it("refuses a status the component cannot take, naming the field", () => {
    const parsed = NewUpdateSchema.safeParse(
      updateInputFromForm(
        form([
          ["status", "identified"],
          ["body", "x"],
          ["component.abc", "on_fire"],
        ]),
      ),
    );
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].path).toEqual(["components", 0, "status"]);
  });
});

import { describe, expect, it } from "vitest";
import { renderTemplate, TemplateError } from "./liquid.ts";
import { updateTemplateProblem } from "./update-check.ts";
import { DEFAULT_UPDATE_TEMPLATES, SAMPLE_UPDATE_VARIABLES, UPDATE_TEMPLATE_STATUSES } from "./update-defaults.ts";

describe("update templates", () => {
  it("fills every shipped template with the incident's data", () => {
    for (const status of UPDATE_TEMPLATE_STATUSES) {
      const text = renderTemplate(DEFAULT_UPDATE_TEMPLATES[status], SAMPLE_UPDATE_VARIABLES);
      expect(text).toContain("API - Messages endpoint");
      expect(text).not.toMatch(/\{\{|\{%/);
    }
    expect(renderTemplate(DEFAULT_UPDATE_TEMPLATES.investigating, SAMPLE_UPDATE_VARIABLES)).toBe(
      "We are investigating a partial outage of API - Messages endpoint and degraded performance of Web app, " +
        "which began at 14:05 CET (13:05 UTC) on 23 Nov. " +
        "Customers in EU West are affected. Some requests may fail or be slow. We will post our next update by 15:45 CET (14:45 UTC).",
    );
  });

  it("leaves out the sentences whose data is missing, without blanks", () => {
    const text = renderTemplate(DEFAULT_UPDATE_TEMPLATES.investigating, {
      ...SAMPLE_UPDATE_VARIABLES,
      regions_text: "",
      next_update_at: "",
    });
    expect(text).toBe(
      "We are investigating a partial outage of API - Messages endpoint and degraded performance of Web app, " +
        "which began at 14:05 CET (13:05 UTC) on 23 Nov. Some requests may fail or be slow.",
    );
  });

  it("refuses a variable the data does not have, naming it, instead of rendering a blank", () => {
    expect(() => renderTemplate("Affected: {{ compnents_text }}.", SAMPLE_UPDATE_VARIABLES)).toThrowError(TemplateError);
    expect(() => renderTemplate("Affected: {{ compnents_text }}.", SAMPLE_UPDATE_VARIABLES)).toThrowError(/compnents_text/);
  });

  it("refuses a template with a syntax error, with liquid's reason", () => {
    expect(() => renderTemplate("{% if impact %}unclosed", SAMPLE_UPDATE_VARIABLES)).toThrowError(/does not parse: .*if/);
    expect(() => renderTemplate("{{ impact | no_such_filter }}", SAMPLE_UPDATE_VARIABLES)).toThrowError(TemplateError);
  });

  it("cannot read files from the server", () => {
    expect(() => renderTemplate("{% include '/etc/passwd' %}", SAMPLE_UPDATE_VARIABLES)).toThrowError(TemplateError);
    expect(() => renderTemplate("{% render 'package.json' %}", SAMPLE_UPDATE_VARIABLES)).toThrowError(TemplateError);
  });

  it("refuses a template that renders to nothing", () => {
    expect(() => renderTemplate("{% if false %}x{% endif %}  ", SAMPLE_UPDATE_VARIABLES)).toThrowError(/no text/);
  });
});

describe("grammar filters in templates", () => {
  const render = (source: string, variables: Record<string, unknown> = {}) => renderTemplate(source, variables);

  it("joins a list, agrees the verb with it and starts the sentence with a capital", () => {
    const one = { components: ["web app"] };
    const two = { components: ["web app", "API"] };
    const source = `{{ components | list | sentence }} {{ components | plural: "is", "are" }} operating normally.`;
    expect(render(source, one)).toBe("Web app is operating normally.");
    expect(render(source, two)).toBe("Web app and API are operating normally.");
  });

  it("writes a or an by sound, and durations as people write them", () => {
    expect(render(`{{ status | article }} update`, { status: "identified" })).toBe("an identified update");
    expect(render(`{{ "SLA" | article }}`)).toBe("an SLA");
    expect(render(`It lasted {{ s | duration }}.`, { s: 5 * 3600 + 28 * 60 })).toBe("It lasted about 5 hours 30 minutes.");
  });

  it("refuses a filter used without what it needs, with a reason an admin can act on", () => {
    expect(() => render(`{{ components | plural }}`, { components: [] })).toThrowError(/plural needs two words/);
    expect(() => render(`{{ title | plural: "is", "are" }}`, { title: "API down" })).toThrowError(/list or a number/);
    expect(() => render(`{{ title | duration }}`, { title: "soon" })).toThrowError(/number of seconds/);
  });
});

describe("checking an update template before it is saved", () => {
  it("accepts every shipped template for its status", () => {
    for (const status of UPDATE_TEMPLATE_STATUSES) expect(updateTemplateProblem(DEFAULT_UPDATE_TEMPLATES[status], status)).toBeNull();
  });

  it("refuses one that fills for the sample but breaks on another shape of incident, naming the shape", () => {
    // the sample has components; an incident without any leaves `components.first` empty and the template without text
    const problem = updateTemplateProblem(`{% if components.size > 0 %}{{ components.first }} is affected.{% endif %}`, "identified");
    expect(problem).toMatch(/no text/);
    expect(problem).toMatch(/for an identified update on an incident with no component affected/);
  });
});

import { describe, expect, it } from "vitest";
import { renderTemplate, TemplateError } from "./templates.ts";
import { DEFAULT_UPDATE_TEMPLATES, SAMPLE_UPDATE_VARIABLES, UPDATE_TEMPLATE_STATUSES } from "./update-templates.ts";

describe("update templates", () => {
  it("fills every shipped template with the incident's data", () => {
    for (const status of UPDATE_TEMPLATE_STATUSES) {
      const text = renderTemplate(DEFAULT_UPDATE_TEMPLATES[status], SAMPLE_UPDATE_VARIABLES);
      expect(text).toContain("API - Messages endpoint and Web app");
      expect(text).not.toMatch(/\{\{|\{%/);
    }
    expect(renderTemplate(DEFAULT_UPDATE_TEMPLATES.investigating, SAMPLE_UPDATE_VARIABLES)).toBe(
      "We are currently investigating a partial outage affecting API - Messages endpoint and Web app in EU West since 14:05 CET (13:05 UTC) on 23 Nov. Some requests may fail or be slow. We will post our next update by 15:45 CET (14:45 UTC).",
    );
  });

  it("leaves out the sentences whose data is missing, without blanks", () => {
    const text = renderTemplate(DEFAULT_UPDATE_TEMPLATES.investigating, { ...SAMPLE_UPDATE_VARIABLES, regions_text: "", next_update_at: "" });
    expect(text).toBe(
      "We are currently investigating a partial outage affecting API - Messages endpoint and Web app since 14:05 CET (13:05 UTC) on 23 Nov. Some requests may fail or be slow.",
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

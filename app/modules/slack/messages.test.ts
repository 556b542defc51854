import { describe, expect, it } from "vitest";
import { announcement, channelTopic, summaryMessage, type IncidentFacts } from "./messages.ts";

const incident: IncidentFacts = {
  id: "abc123",
  number: 42,
  title: "Checkout <script> & 502s",
  summary: "",
  severity: "SEV1",
  status: "identified",
  commander: "Ana Ortiz",
  declaredBy: "Ben",
};

describe("what the channel shows", () => {
  it("the topic is severity · status · commander", () => {
    expect(channelTopic(incident)).toBe("SEV1 · Identified · Commander: Ana Ortiz");
    expect(channelTopic({ ...incident, commander: null })).toBe("SEV1 · Identified · Commander: none yet");
  });

  it("the summary and the announcement escape the title and link to the room", () => {
    const summary = summaryMessage(incident, "https://desk.example");
    expect(summary).toContain("*INC-42: Checkout &lt;script&gt; &amp; 502s*");
    expect(summary).toContain("<https://desk.example/incidents/abc123|Open the incident room>");
    expect(announcement(incident, "C123", "https://desk.example")).toContain("Join <#C123>");
  });
});

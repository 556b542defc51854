import { describe, expect, it } from "vitest";
import { readEmailEvent } from "./email-events.ts";

const now = new Date("2026-11-25T12:00:00.000Z");
const email = {
  email_id: "4ef9a417-02e9-4d39-ad75-9611e0fcc33c",
  to: ["reader@example.com"],
  from: "Status <status@example.com>",
  subject: "Investigating",
};

describe("Resend's email events", () => {
  it("read a permanent bounce as hard, with the mail server's reason and the event's time", () => {
    const parsed = readEmailEvent(
      {
        type: "email.bounced",
        created_at: "2026-11-25T11:59:00.000Z",
        data: { ...email, bounce: { type: "Permanent", subType: "Suppressed", message: "550 5.1.1 The email account\n does not exist." } },
      },
      now,
    );
    expect(parsed).toEqual({
      ok: true,
      event: {
        kind: "bounced",
        providerId: email.email_id,
        at: new Date("2026-11-25T11:59:00.000Z"),
        hard: true,
        reason: "Permanent bounce (Suppressed): 550 5.1.1 The email account does not exist.",
      },
    });
  });

  it("read a transient bounce as not hard; a missing or future time as now", () => {
    const parsed = readEmailEvent(
      {
        type: "email.bounced",
        created_at: "2027-01-01T00:00:00Z",
        data: { ...email, bounce: { type: "Transient", subType: "MailboxFull", message: "Mailbox full" } },
      },
      now,
    );
    expect(parsed).toMatchObject({
      ok: true,
      event: { kind: "bounced", hard: false, at: now, reason: "Transient bounce (MailboxFull): Mailbox full" },
    });
  });

  it("read a complaint; ignore other event types", () => {
    expect(readEmailEvent({ type: "email.complained", created_at: "2026-11-25T11:00:00Z", data: email }, now)).toEqual({
      ok: true,
      event: { kind: "complained", providerId: email.email_id, at: new Date("2026-11-25T11:00:00Z") },
    });
    expect(readEmailEvent({ type: "email.delivered", created_at: "2026-11-25T11:00:00Z", data: email }, now)).toEqual({
      ok: true,
      event: { kind: "ignored", type: "email.delivered" },
    });
  });

  it("name what is missing in a malformed event", () => {
    expect(readEmailEvent([], now)).toMatchObject({ ok: false });
    expect(readEmailEvent({ type: "email.bounced", data: { ...email, bounce: { type: "Permanent" } } }, now)).toMatchObject({
      ok: false,
      fields: { "data.bounce.message": expect.any(String) },
    });
    expect(readEmailEvent({ type: "email.complained", data: { to: ["a@example.com"] } }, now)).toMatchObject({
      ok: false,
      fields: { "data.email_id": expect.any(String) },
    });
  });
});

// A notice as the admin's editor shows it: its parts against the shipped defaults, and a preview
// (saved-notices.server.ts reads them). Pure, so components may import it.
import type { NoticeKind, NoticePart, NoticeVariables } from "./notice-defaults.ts";
import type { RenderedNotice } from "./render-notice.ts";

export type NoticeTemplateView = {
  kind: NoticeKind;
  label: string;
  parts: Record<NoticePart, { source: string; isDefault: boolean; defaultSource: string }>;
  isDefault: boolean;
  updatedAt: string | null;
};

/** `source` says what data filled it; `variables` are that data. */
export type NoticePreview = { source: string; variables: NoticeVariables } & (
  (RenderedNotice & { errors?: undefined }) | { errors: Partial<Record<NoticePart, string>> }
);

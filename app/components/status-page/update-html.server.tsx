// An update's body as an HTML string, for the feeds and the email's HTML part: the same component
// the public page draws it with (update-body.tsx), so what readers get there is what the page shows.
import { renderToStaticMarkup } from "react-dom/server";
import { UpdateBody } from "~/components/status-page/update-body.tsx";

export function updateHtml(status: string, body: string): string {
  return renderToStaticMarkup(<UpdateBody body={body} status={status} />);
}

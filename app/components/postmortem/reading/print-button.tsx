// Opens the browser's print dialog (print to PDF); the page's print stylesheet does the rest.
// Without JavaScript the button does nothing, so it only appears once the page is hydrated.
import { useEffect, useState } from "react";

export function PrintButton({ className }: { className: string }) {
  const [ready, setReady] = useState(false);
  useEffect(() => setReady(true), []);
  if (!ready) return null;
  return (
    <button type="button" className={className} onClick={() => window.print()}>
      Print or save as PDF
    </button>
  );
}

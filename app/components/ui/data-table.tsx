import type { ReactNode } from "react";

/** A bordered table that scrolls sideways on a phone; the rows are the caller's. */
export function DataTable({ headers, children }: { headers: ReactNode[]; children: ReactNode }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
      <table className="w-full text-left text-sm">
        <thead className="border-b border-slate-300 bg-slate-100 text-slate-700">
          <tr>
            {headers.map((header, i) => (
              <th key={i} className="px-3 py-2">
                {header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

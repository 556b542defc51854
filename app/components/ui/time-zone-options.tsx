// The <option>s of a time-zone <select>: UTC first, then every IANA zone grouped by region
// (America, Europe, …). A zone stored before the list existed (an alias) is kept as an option.
import { TIME_ZONES, DEFAULT_TIME_ZONE } from "~/utils/time-zones.ts";

const GROUPS = (() => {
  const groups = new Map<string, string[]>();
  for (const zone of TIME_ZONES.slice(1)) {
    const region = zone.includes("/") ? zone.slice(0, zone.indexOf("/")) : "Other";
    groups.set(region, [...(groups.get(region) ?? []), zone]);
  }
  return [...groups.entries()];
})();

const label = (zone: string) => (zone === DEFAULT_TIME_ZONE ? "UTC" : zone.replace(/_/g, " "));

export function TimeZoneOptions({ current }: { current?: string }) {
  const listed = current === undefined || TIME_ZONES.includes(current);
  return (
    <>
      {listed ? null : <option value={current}>{label(current)}</option>}
      <option value={DEFAULT_TIME_ZONE}>UTC</option>
      {GROUPS.map(([region, zones]) => (
        <optgroup key={region} label={region}>
          {zones.map((zone) => (
            <option key={zone} value={zone}>
              {label(zone)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}

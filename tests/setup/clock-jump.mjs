// Loaded into a test server with NODE_OPTIONS=--import: on SIGUSR2 the process's clock steps forward
// to one second before the next full hour (as a clock corrected by NTP may step), so work done "once
// an hour" comes due within a tick of the maintenance clock instead of within an hour. Until then,
// and apart from the step, time is the machine's. Plain JavaScript: it runs before tsx is loaded.
const RealDate = Date;
let offset = 0;

function SteppedDate(...args) {
  if (!new.target) return new RealDate(RealDate.now() + offset).toString();
  return Reflect.construct(RealDate, args.length ? args : [RealDate.now() + offset], new.target);
}
Object.setPrototypeOf(SteppedDate, RealDate);
SteppedDate.prototype = RealDate.prototype;
SteppedDate.now = () => RealDate.now() + offset;
globalThis.Date = SteppedDate;

process.on("SIGUSR2", () => {
  const now = RealDate.now() + offset;
  const nextHour = Math.ceil((now + 2_000) / 3_600_000) * 3_600_000;
  offset += nextHour - 1_000 - now;
});

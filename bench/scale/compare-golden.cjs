// Compares two golden-insights outputs: every value and key order exactly, except that lists of
// ids and component names are compared as sets (their order followed the database's plan).
const fs = require("fs");
const a = JSON.parse(fs.readFileSync(process.argv[2]));
const b = JSON.parse(fs.readFileSync(process.argv[3]));
let diffs = 0;
const setLike = (k) => k === "incidentIds" || k === "components";
function cmp(x, y, p, k) {
  if (diffs > 20) return;
  if (Array.isArray(x) && Array.isArray(y) && setLike(k) && x.every((v) => typeof v === "string")) {
    x = [...x].sort();
    y = [...y].sort();
  }
  if (typeof x !== typeof y || Array.isArray(x) !== Array.isArray(y)) {
    diffs++;
    console.log("type", p, JSON.stringify(x)?.slice(0, 200), JSON.stringify(y)?.slice(0, 200));
    return;
  }
  if (x && typeof x === "object") {
    const ka = Object.keys(x),
      kb = Object.keys(y);
    if (ka.join() !== kb.join()) {
      diffs++;
      console.log("keys", p, ka.join(), "|", kb.join());
    }
    for (const kk of ka) cmp(x[kk], y[kk], p + "." + kk, kk);
    return;
  }
  if (x !== y) {
    diffs++;
    console.log("value", p, x, y);
  }
}
cmp(a, b, "", "");
console.log(diffs ? `${diffs}+ differences` : "identical (id and component lists as sets)");

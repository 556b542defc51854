// Loaded into a test server with NODE_OPTIONS=--import: names listed in FAKE_DNS resolve to the
// addresses given there instead of asking DNS (the test machine has none), so a test can name a
// host that resolves to loopback, or one that resolves to a public address once and to loopback
// afterwards (DNS rebinding). FAKE_DNS="a.test=127.0.0.1;b.test=93.184.216.34|127.0.0.1": each
// `|` is the answer of the next lookup of that name, the last one kept. Plain JavaScript: it runs
// before tsx is loaded. Every other name goes to the real resolver.
import dns from "node:dns";
import { isIP } from "node:net";
import { syncBuiltinESMExports } from "node:module";

const answers = new Map(
  (process.env.FAKE_DNS ?? "")
    .split(";")
    .filter(Boolean)
    .map((entry) => {
      const [name, list] = entry.split("=");
      return [name.toLowerCase(), list.split("|")];
    }),
);
const asked = new Map();

function fakeAnswer(hostname) {
  const list = answers.get(String(hostname).toLowerCase().replace(/\.$/, ""));
  if (!list) return null;
  const n = asked.get(hostname) ?? 0;
  asked.set(hostname, n + 1);
  return list[Math.min(n, list.length - 1)].split(",").map((address) => ({ address, family: isIP(address) }));
}

const realLookup = dns.lookup;
dns.lookup = function lookup(hostname, options, callback) {
  const done = typeof options === "function" ? options : callback;
  const all = typeof options === "object" && options !== null && options.all;
  const answer = fakeAnswer(hostname);
  if (!answer) return realLookup.call(this, hostname, options, callback);
  process.nextTick(() => (all ? done(null, answer) : done(null, answer[0].address, answer[0].family)));
  return {};
};

const realPromiseLookup = dns.promises.lookup;
dns.promises.lookup = async function lookup(hostname, options) {
  const answer = fakeAnswer(hostname);
  if (!answer) return realPromiseLookup.call(this, hostname, options);
  return options?.all ? answer : answer[0];
};

syncBuiltinESMExports();

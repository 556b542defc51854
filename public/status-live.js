// The public status page's only script. It is an enhancement: without it the page is complete.
// (a) Shows each <time data-local> in the reader's own time zone, keeping the UTC part.
// (b) Polls the page every 3 s; when its ETag changes, swaps in the new #status-main.
(function () {
  "use strict";
  var local = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hour12: false });
  var utc = new Intl.DateTimeFormat("en-US", { hour: "2-digit", minute: "2-digit", hour12: false, timeZone: "UTC" });
  var utcDay = new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
  var sameDay = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit" });
  var sameDayUtc = new Intl.DateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: "UTC" });

  function localizeTimes(root) {
    var times = root.querySelectorAll("time[data-local]");
    for (var i = 0; i < times.length; i++) {
      var el = times[i];
      var at = new Date(el.getAttribute("datetime"));
      if (isNaN(at.getTime())) continue;
      var u = utc.format(at);
      if (sameDay.format(at) !== sameDayUtc.format(at)) u = utcDay.format(at) + ", " + u;
      if (!el.title) el.title = el.textContent;
      el.textContent = local.format(at) + " (your time) \u00b7 " + u + " UTC";
    }
  }

  var lastEtag = null;
  var busy = false;

  function poll() {
    if (busy || document.hidden) return;
    busy = true;
    fetch(location.pathname, { cache: "no-cache", headers: { Accept: "text/html" } })
      .then(function (response) {
        var etag = response.headers.get("ETag");
        if (!response.ok || !etag) return;
        if (lastEtag === null || etag === lastEtag) {
          lastEtag = etag;
          return;
        }
        lastEtag = etag;
        return response.text().then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById("status-main");
          var current = document.getElementById("status-main");
          if (!fresh || !current) return;
          current.innerHTML = fresh.innerHTML;
          localizeTimes(current);
        });
      })
      .catch(function () {})
      .then(function () {
        busy = false;
      });
  }

  function start() {
    localizeTimes(document);
    setInterval(poll, 3000);
    poll();
  }

  document.addEventListener("visibilitychange", function () {
    if (!document.hidden) poll();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

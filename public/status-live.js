// The public status page's only script. It is an enhancement: without it the page is complete.
// (a) Shows each <time data-local> in the reader's own time zone, keeping the UTC part.
// (b) Polls the page every 3 s; when its ETag changes, swaps in the new #status-main.
// (c) In the subscribe form, a group's box ticks its members, and the members tick the group's
//     box when all are chosen (the server reads a group's box as all its members either way).
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

  function groupBoxOf(fieldset) {
    return fieldset ? fieldset.querySelector("input[data-group]") : null;
  }

  function followGroups(event) {
    var box = event.target;
    if (!box || box.type !== "checkbox" || box.name !== "components") return;
    var fieldset = box.closest("fieldset");
    var group = groupBoxOf(fieldset);
    if (!group) return;
    var members = fieldset.querySelectorAll("input[name=components]:not([data-group])");
    if (box === group) {
      for (var i = 0; i < members.length; i++) members[i].checked = group.checked;
      group.indeterminate = false;
      return;
    }
    var chosen = 0;
    for (var j = 0; j < members.length; j++) if (members[j].checked) chosen++;
    group.checked = chosen === members.length;
    group.indeterminate = chosen > 0 && chosen < members.length;
  }

  function closeMenuOnEscape(event) {
    if (event.key !== "Escape") return;
    var menu = document.getElementById("subscribe");
    if (!menu || !menu.open) return;
    menu.open = false;
    var summary = menu.querySelector("summary");
    if (summary) summary.focus();
  }

  document.addEventListener("change", followGroups);
  document.addEventListener("keydown", closeMenuOnEscape);

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

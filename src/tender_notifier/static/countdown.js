// Optional: keeps "nog 2 dagen en 3 uur" current while the page stays open. The page says the
// same without JavaScript (rendered by the server), this only refreshes it once a minute.
(function () {
  "use strict";
  var UNITS = {
    nl: [["dag", "dagen"], ["uur", "uur"], ["minuut", "minuten"]],
    en: [["day", "days"], ["hour", "hours"], ["minute", "minutes"]]
  };
  function left(ms, lang) {
    var total = Math.floor(ms / 60000);
    if (total <= 0) { return lang === "nl" ? "minder dan een minuut" : "less than a minute"; }
    var days = Math.floor(total / 1440), hours = Math.floor((total % 1440) / 60), minutes = total % 60;
    if (days >= 2) { minutes = 0; }
    var parts = [];
    [days, hours, minutes].forEach(function (n, i) {
      if (n) { parts.push(n + " " + UNITS[lang][i][n === 1 ? 0 : 1]); }
    });
    var last = parts.pop();
    var text = parts.length ? parts.join(", ") + (lang === "nl" ? " en " : " and ") + last : last;
    return lang === "nl" ? "nog " + text : text + " left";
  }
  function tick() {
    var now = Date.now();
    document.querySelectorAll("[data-until]").forEach(function (el) {
      var ms = Date.parse(el.getAttribute("data-until")) - now;
      if (ms <= 0) { return; }  // begun: the server's words are right until the next reload
      var text = left(ms, el.getAttribute("data-lang") === "en" ? "en" : "nl");
      el.textContent = el.textContent.charAt(0) === "(" ? "(" + text + ")" : text;
    });
  }
  tick();
  setInterval(tick, 30000);
}());

/* The idle-timeout warning (templates/includes/idle_warning.html).
 *
 * base.html gives the limit on <body>: data-idle-seconds, data-idle-warning-seconds and
 * data-idle-url (kbregeling/web/idle.py: GET tells the seconds left without counting as
 * activity, POST starts the limit again). A few minutes before the logout the warning shows
 * in its live region; "Stay logged in" extends the session without leaving the page, so
 * nothing typed is lost. At the limit the page reloads and the server shows the login page
 * with the reason. Another tab's activity counts too: the server's count is asked first.
 */
(function () {
  "use strict";
  var body = document.body;
  var limit = parseInt(body.dataset.idleSeconds, 10);
  var warnBefore = parseInt(body.dataset.idleWarningSeconds, 10);
  var url = body.dataset.idleUrl;
  var warning = document.getElementById("idle-warning");
  var stay = document.getElementById("idle-stay");
  if (!limit || !url || !warning || !stay) {
    return;
  }
  var timer = null;

  function schedule(seconds, action) {
    window.clearTimeout(timer);
    timer = window.setTimeout(action, Math.max(seconds, 1) * 1000);
  }

  function ask(method) {
    var options = { method: method, credentials: "same-origin", redirect: "manual",
                    headers: { "Accept": "application/json" } };
    if (method === "POST") {
      var token = document.querySelector("input[name=csrfmiddlewaretoken]");
      options.headers["X-CSRFToken"] = token ? token.value : "";
    }
    return window.fetch(url, options).then(function (response) {
      if (!response.ok) {
        throw new Error("logged out");
      }
      return response.json();
    }).then(function (data) {
      return data.remaining;
    });
  }

  function logOut() {
    window.location.reload();
  }

  function check() {
    ask("GET").then(function (remaining) {
      if (remaining <= 0) {
        logOut();
      } else if (remaining > warnBefore) {
        warning.hidden = true;
        schedule(remaining - warnBefore, check);
      } else {
        warning.hidden = false;
        schedule(remaining + 1, check);
      }
    }, logOut);
  }

  stay.addEventListener("click", function () {
    ask("POST").then(function (remaining) {
      warning.hidden = true;
      schedule(remaining - warnBefore, check);
    }, logOut);
  });

  schedule(limit - warnBefore, check);
})();

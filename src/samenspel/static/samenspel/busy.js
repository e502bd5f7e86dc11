/*
 * Feedback on slow work (documents, ZIPs, reports), progressive enhancement: without this
 * file the links and forms work as before.
 *
 * A link or form marked `data-busy="Wat er gebeurt…"`, once used, is marked busy: the
 * button or link is disabled (aria-disabled; a second click does nothing), and a status
 * message with a spinner says what is being made. A file download leaves the page in
 * place, so the request carries a token (`klaar=`) that the server returns as a cookie
 * with the file (web/middleware.py, DownloadReadyMiddleware); when it arrives the control
 * is enabled again and "Klaar" is announced. A page that replaces this one needs nothing;
 * after the back button (`pageshow`) every control is reset.
 *
 * Loaded with `defer` from base.html: the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var COOKIE = "samenspel_klaar";
  var GIVE_UP_MS = 120000;
  var POLL_MS = 250;

  function token() {
    return Math.random().toString(36).slice(2, 12) + Date.now().toString(36);
  }

  function cookieValue() {
    var match = document.cookie.match(new RegExp("(?:^|; )" + COOKIE + "=([^;]*)"));
    return match ? decodeURIComponent(match[1]) : null;
  }

  function statusFor(element) {
    var status = element.samenspelStatus;
    if (!status) {
      status = document.createElement("p");
      status.className = "samenspel-busy-status";
      status.setAttribute("role", "status");
      element.insertAdjacentElement(element.tagName === "FORM" ? "beforeend" : "afterend", status);
      element.samenspelStatus = status;
    }
    return status;
  }

  function controlsOf(element) {
    if (element.tagName === "FORM") {
      return Array.prototype.slice.call(element.querySelectorAll("button, [type=submit]"));
    }
    return [element];
  }

  function setBusy(element, busy, message) {
    element.samenspelBusy = busy;
    controlsOf(element).forEach(function (control) {
      if (busy) {
        control.setAttribute("aria-disabled", "true");
      } else {
        control.removeAttribute("aria-disabled");
      }
      control.classList.toggle("samenspel-busy", busy);
    });
    var status = statusFor(element);
    status.classList.toggle("samenspel-busy-status--working", busy);
    status.textContent = message;
  }

  function waitForFile(element, expected) {
    var started = Date.now();
    var timer = window.setInterval(function () {
      if (cookieValue() === expected) {
        window.clearInterval(timer);
        document.cookie = COOKIE + "=; Max-Age=0; path=/; SameSite=Lax";
        setBusy(element, false, element.getAttribute("data-busy-done") || "Klaar.");
      } else if (Date.now() - started > GIVE_UP_MS) {
        window.clearInterval(timer);
        setBusy(element, false, "");
      }
    }, POLL_MS);
  }

  function withToken(href, value) {
    var url = new URL(href, window.location.href);
    url.searchParams.set("klaar", value);
    return url.pathname + url.search + url.hash;
  }

  function start(element, event) {
    if (element.samenspelBusy) {
      event.preventDefault();
      return;
    }
    var value = token();
    if (element.tagName === "FORM") {
      var field = element.querySelector("input[name=klaar]");
      if (!field) {
        field = document.createElement("input");
        field.type = "hidden";
        field.name = "klaar";
        element.appendChild(field);
      }
      field.value = value;
    } else {
      element.setAttribute("href", withToken(element.getAttribute("href"), value));
    }
    setBusy(element, true, element.getAttribute("data-busy"));
    waitForFile(element, value);
  }

  function setUp() {
    var marked = document.querySelectorAll("[data-busy]");
    Array.prototype.forEach.call(marked, function (element) {
      var kind = element.tagName === "FORM" ? "submit" : "click";
      element.addEventListener(kind, function (event) {
        start(element, event);
      });
    });
    window.addEventListener("pageshow", function () {
      Array.prototype.forEach.call(marked, function (element) {
        if (element.samenspelBusy) {
          setBusy(element, false, "");
        }
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();

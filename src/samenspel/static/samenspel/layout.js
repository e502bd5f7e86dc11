/*
 * Samenspel layout, progressive enhancement: every page works without this file.
 *
 * 1. On narrow screens the main menu folds behind a "Menu" button (aria-expanded);
 *    the CSS in theme.css hides the list only once this script has marked the menu as
 *    enhanced, so without JavaScript the menu stays open. Escape closes it again.
 * 2. A table (or the timeline) that is wider than its wrapper scrolls inside it; such a
 *    wrapper becomes a named region that takes keyboard focus, so it can be scrolled with
 *    the arrow keys (WCAG 2.1.1; axe's scrollable-region-focusable). Wrappers that fit
 *    get no extra tab stop.
 *
 * Loaded with `defer` from base.html: the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var SCROLLERS = ".samenspel-table-wrap, .samenspel-timeline";
  var labelCount = 0;

  function navigationSetUp() {
    var nav = document.querySelector("[data-samenspel-nav]");
    var toggle = nav && nav.querySelector(".samenspel-nav__toggle");
    if (!toggle) {
      return;
    }
    toggle.hidden = false;
    nav.classList.add("samenspel-nav--enhanced");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
    });
    nav.addEventListener("keydown", function (event) {
      var folding = window.getComputedStyle(toggle).display !== "none";
      if (event.key === "Escape" && folding && toggle.getAttribute("aria-expanded") === "true") {
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
  }

  function withId(element) {
    if (!element.id) {
      labelCount += 1;
      element.id = "samenspel-scroll-label-" + labelCount;
    }
    return element.id;
  }

  function previousHeading(element) {
    for (var node = element; node && node !== document.body; node = node.parentElement) {
      for (var sibling = node.previousElementSibling; sibling; sibling = sibling.previousElementSibling) {
        if (/^H[1-6]$/.test(sibling.tagName)) {
          return sibling;
        }
        var inner = sibling.querySelectorAll("h1, h2, h3, h4, h5, h6");
        if (inner.length) {
          return inner[inner.length - 1];
        }
      }
    }
    return document.querySelector("main h1");
  }

  // The region's name: the table's caption or label, else the heading above it.
  function labelledBy(wrapper) {
    var table = wrapper.querySelector("table");
    if (table && table.getAttribute("aria-labelledby")) {
      return table.getAttribute("aria-labelledby");
    }
    var caption = table && table.querySelector("caption");
    if (caption && caption.textContent.trim()) {
      return withId(caption);
    }
    var heading = previousHeading(wrapper);
    return heading ? withId(heading) : null;
  }

  // Attributes are only added where the template set none, and only those are removed.
  function scrollersMark() {
    document.querySelectorAll(SCROLLERS).forEach(function (wrapper) {
      var scrolls = wrapper.scrollWidth > wrapper.clientWidth + 1;
      var marked = wrapper.hasAttribute("data-samenspel-scrolls");
      if (scrolls && !marked) {
        var added = [];
        var set = function (name, value) {
          if (value && !wrapper.hasAttribute(name)) {
            wrapper.setAttribute(name, value);
            added.push(name);
          }
        };
        set("tabindex", "0");
        set("role", "region");
        if (!wrapper.hasAttribute("aria-label")) {
          set("aria-labelledby", labelledBy(wrapper));
        }
        wrapper.setAttribute("data-samenspel-scrolls", added.join(" "));
      } else if (!scrolls && marked) {
        wrapper.getAttribute("data-samenspel-scrolls").split(" ").forEach(function (name) {
          if (name) {
            wrapper.removeAttribute(name);
          }
        });
        wrapper.removeAttribute("data-samenspel-scrolls");
      }
    });
  }

  var pending = false;
  function scrollersMarkSoon() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        scrollersMark();
      });
    }
  }

  navigationSetUp();
  scrollersMark();
  window.addEventListener("resize", scrollersMarkSoon);
  window.addEventListener("load", scrollersMarkSoon);
  document.addEventListener("htmx:afterSettle", scrollersMarkSoon);
})();

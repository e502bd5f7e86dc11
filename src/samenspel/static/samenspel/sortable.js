/*
 * Sorting a small table in the browser, progressive enhancement: without this file the
 * table reads as it comes from the server. Paginated lists sort on the server instead
 * (web/sorting.py), so their order holds across pages.
 *
 * `<table data-sortable>`: each header cell of the last header row gets a button (not a
 * cell marked `data-sort="none"`, nor an empty one). Pressing it sorts the rows of every
 * `<tbody>` by that column, ascending first, then the other way, and sets `aria-sort` on
 * the header cell. A cell's `data-sort-value` (numbers, ISO dates) wins over its text;
 * otherwise a Dutch number ("€ 1.234,56", "19.862,2", "12%") counts as a number and other
 * text is compared with Dutch collation. Empty cells ("", "—") go last either way; equal
 * values keep their original order. `<tfoot>` (totals) stays where it is.
 *
 * Loaded with `defer`: the Content-Security-Policy allows no inline script.
 */
(function () {
  "use strict";

  var collator = new Intl.Collator("nl", { numeric: true, sensitivity: "base" });
  var DUTCH_NUMBER = /^-?(€\s?)?-?\d{1,3}(\.\d{3})*(,\d+)?\s?%?$|^-?(€\s?)?-?\d+(,\d+)?\s?%?$/;

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) {
      return { empty: true };
    }
    var raw = cell.hasAttribute("data-sort-value")
      ? cell.getAttribute("data-sort-value")
      : cell.textContent.replace(/\s+/g, " ").trim();
    if (raw === "" || raw === "—" || raw === "-") {
      return { empty: true };
    }
    if (cell.hasAttribute("data-sort-value") && raw !== "" && !isNaN(Number(raw))) {
      return { number: Number(raw) };
    }
    if (DUTCH_NUMBER.test(raw)) {
      var plain = raw.replace(/[€%\s]/g, "").replace(/\./g, "").replace(",", ".");
      if (raw.indexOf("-") > -1 && plain.indexOf("-") < 0) {
        plain = "-" + plain;
      }
      return { number: Number(plain) };
    }
    return { text: raw };
  }

  function compare(a, b) {
    if (a.empty || b.empty) {
      return a.empty && b.empty ? 0 : a.empty ? 1 : -1;
    }
    if (a.number !== undefined && b.number !== undefined) {
      return a.number - b.number;
    }
    var left = a.number !== undefined ? String(a.number) : a.text;
    var right = b.number !== undefined ? String(b.number) : b.text;
    return collator.compare(left, right);
  }

  function sortBody(body, index, descending) {
    var rows = Array.prototype.slice.call(body.rows).map(function (row, position) {
      return { row: row, value: cellValue(row, index), position: position };
    });
    rows.sort(function (a, b) {
      var order = compare(a.value, b.value);
      if (order !== 0 && !a.value.empty && !b.value.empty && descending) {
        order = -order;
      }
      return order || a.position - b.position;
    });
    rows.forEach(function (item) {
      body.appendChild(item.row);
    });
  }

  function arrowSet(header, text) {
    var arrow = header.querySelector(".samenspel-sort__arrow");
    arrow.textContent = text;
    arrow.classList.toggle("samenspel-sort__arrow--none", text === "↕");
  }

  function sortBy(table, header, headers) {
    var descending = header.getAttribute("aria-sort") === "ascending";
    headers.forEach(function (other) {
      if (other !== header) {
        other.removeAttribute("aria-sort");
        arrowSet(other, "↕");
      }
    });
    header.setAttribute("aria-sort", descending ? "descending" : "ascending");
    arrowSet(header, descending ? "▼" : "▲");
    Array.prototype.forEach.call(table.tBodies, function (body) {
      sortBody(body, header.cellIndex, descending);
    });
  }

  function enhance(table) {
    var head = table.tHead;
    if (!head || !head.rows.length || table.hasAttribute("data-sortable-ready")) {
      return;
    }
    table.setAttribute("data-sortable-ready", "");
    var headers = [];
    Array.prototype.forEach.call(head.rows[head.rows.length - 1].cells, function (header) {
      if (header.getAttribute("data-sort") === "none" || !header.textContent.trim()) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "samenspel-sort__button";
      while (header.firstChild) {
        button.appendChild(header.firstChild);
      }
      var arrow = document.createElement("span");
      arrow.className = "samenspel-sort__arrow samenspel-sort__arrow--none";
      arrow.setAttribute("aria-hidden", "true");
      arrow.textContent = "↕";
      button.appendChild(arrow);
      header.appendChild(button);
      header.classList.add("samenspel-sort");
      headers.push(header);
      button.addEventListener("click", function () {
        sortBy(table, header, headers);
      });
    });
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("table[data-sortable]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
  // Tables that htmx swaps in are enhanced too.
  document.addEventListener("htmx:afterSettle", enhanceAll);
})();

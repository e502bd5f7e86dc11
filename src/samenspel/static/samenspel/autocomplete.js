/*
 * Type to choose from a long list, progressive enhancement: without this file the native
 * `<select>` works as it is. A `<select data-autocomplete>` (web/forms.py,
 * AutocompleteSelect) gets a text box in the ARIA 1.2 combobox pattern: `role="combobox"`
 * with `aria-expanded`, `aria-controls` and `aria-activedescendant` over a
 * `role="listbox"` of the options that contain what was typed (case and accents do not
 * matter). Arrow keys move, Enter chooses, Escape closes (and a second Escape clears); a
 * polite live region says how many options match, in the words the widget's data
 * attributes carry (translated on the server). The select stays in the form, hidden, and
 * holds the chosen value: the form posts it as before.
 *
 * A `<select multiple data-filter>` (FilteredSelectMultiple) gets a search box above it that
 * hides the options not matching what is typed (chosen ones stay). Loaded with `defer`; the
 * Content-Security-Policy allows no inline script or style, so the list is shown and
 * hidden with the `hidden` attribute and placed by theme.css.
 */
(function () {
  "use strict";

  var MAX_SHOWN = 100;
  var counter = 0;

  function normalise(text) {
    return text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/\s+/g, " ")
      .trim();
  }

  function countText(select, count) {
    if (count === 0) {
      return select.getAttribute("data-autocomplete-none") || "Geen resultaten";
    }
    if (count === 1) {
      return select.getAttribute("data-autocomplete-one") || "1 resultaat";
    }
    var many = select.getAttribute("data-autocomplete-many") || "%(count)s resultaten";
    return many.replace("%(count)s", String(count));
  }

  function enhance(select) {
    if (select.multiple || select.hasAttribute("data-autocomplete-ready")) {
      return;
    }
    select.setAttribute("data-autocomplete-ready", "");
    counter += 1;
    var base = (select.id || "samenspel-autocomplete-" + counter) + "-";
    var label = select.id ? document.querySelector('label[for="' + select.id + '"]') : null;
    var options = Array.prototype.filter
      .call(select.options, function (option) {
        return option.value !== "";
      })
      .map(function (option, index) {
        return { value: option.value, text: option.text, key: normalise(option.text), index: index };
      });

    var wrapper = document.createElement("div");
    wrapper.className = "samenspel-autocomplete";
    var input = document.createElement("input");
    input.type = "text";
    input.id = base + "zoek";
    input.className = "utrecht-textbox samenspel-autocomplete__input";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", base + "lijst");
    input.setAttribute("autocomplete", "off");
    if (select.required) {
      input.setAttribute("aria-required", "true");
    }
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (select.hasAttribute(name)) {
        input.setAttribute(name, select.getAttribute(name));
      }
    });
    var list = document.createElement("ul");
    list.id = base + "lijst";
    list.className = "samenspel-autocomplete__list";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    var status = document.createElement("div");
    status.className = "samenspel-visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    if (label) {
      label.htmlFor = input.id;
      label.id = label.id || base + "label";
      list.setAttribute("aria-labelledby", label.id);
    }

    select.parentNode.insertBefore(wrapper, select);
    wrapper.appendChild(input);
    wrapper.appendChild(list);
    wrapper.appendChild(status);
    wrapper.appendChild(select);
    select.hidden = true;
    select.tabIndex = -1;

    var shown = [];
    var active = -1;

    function chosenText() {
      var option = select.options[select.selectedIndex];
      return option && option.value !== "" ? option.text : "";
    }
    input.value = chosenText();

    function activate(index) {
      var items = list.children;
      if (active > -1 && items[active]) {
        items[active].setAttribute("aria-selected", "false");
      }
      active = index;
      if (index > -1 && items[index]) {
        items[index].setAttribute("aria-selected", "true");
        input.setAttribute("aria-activedescendant", items[index].id);
        items[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      activate(-1);
    }

    function open(query) {
      var key = normalise(query);
      var matches = options.filter(function (option) {
        return key === "" || option.key.indexOf(key) > -1;
      });
      shown = matches.slice(0, MAX_SHOWN);
      list.textContent = "";
      active = -1;
      shown.forEach(function (option, index) {
        var item = document.createElement("li");
        item.id = base + "optie-" + option.index;
        item.className = "samenspel-autocomplete__option";
        item.setAttribute("role", "option");
        item.setAttribute("aria-selected", "false");
        item.textContent = option.text;
        item.addEventListener("mousedown", function (event) {
          event.preventDefault(); // keep the focus in the text box
        });
        item.addEventListener("click", function () {
          choose(index);
        });
        list.appendChild(item);
      });
      list.hidden = shown.length === 0;
      input.setAttribute("aria-expanded", shown.length ? "true" : "false");
      input.removeAttribute("aria-activedescendant");
      status.textContent = countText(select, matches.length);
    }

    function choose(index) {
      var option = shown[index];
      if (!option) {
        return;
      }
      select.value = option.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
      input.value = option.text;
      close();
    }

    input.addEventListener("input", function () {
      if (input.value.trim() === "") {
        select.value = "";
      }
      open(input.value);
    });

    input.addEventListener("keydown", function (event) {
      var expanded = input.getAttribute("aria-expanded") === "true";
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!expanded) {
          open(input.value === chosenText() ? "" : input.value);
          activate(shown.length ? (event.key === "ArrowDown" ? 0 : shown.length - 1) : -1);
          return;
        }
        var step = event.key === "ArrowDown" ? 1 : -1;
        activate(Math.min(Math.max(active + step, 0), shown.length - 1));
      } else if (event.key === "Enter" && expanded) {
        event.preventDefault(); // choosing does not submit the form
        choose(active > -1 ? active : shown.length === 1 ? 0 : -1);
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
          select.value = "";
        }
      } else if (event.key === "Tab" && expanded) {
        close();
      }
    });

    // Leaving the box: an exact match (typed without picking) counts, anything else returns
    // to what the select holds.
    input.addEventListener("blur", function () {
      close();
      var typed = normalise(input.value);
      if (typed === "") {
        select.value = "";
        return;
      }
      var exact = options.filter(function (option) {
        return option.key === typed;
      });
      if (exact.length === 1) {
        select.value = exact[0].value;
        input.value = exact[0].text;
      } else {
        input.value = chosenText();
      }
    });
  }

  // A multiple select with a search box above it: typing hides the options that do not
  // match; chosen options stay visible, so what is chosen is never hidden.
  function addFilter(select) {
    if (select.samenspelFiltered || !select.multiple) {
      return;
    }
    select.samenspelFiltered = true;
    counter += 1;
    var box = document.createElement("input");
    box.type = "search";
    box.id = "samenspel-filter-" + counter;
    box.className = "utrecht-textbox utrecht-textbox--html-input samenspel-filter-box";
    box.setAttribute("aria-controls", select.id);
    box.setAttribute("autocomplete", "off");
    var label = document.createElement("label");
    label.htmlFor = box.id;
    label.className = "samenspel-filter-label";
    var field = select.labels && select.labels[0] ? select.labels[0].textContent.trim() : "";
    label.textContent = select.getAttribute("data-filter") + (field ? ": " + field : "");
    var live = document.createElement("p");
    live.className = "samenspel-visually-hidden";
    live.setAttribute("aria-live", "polite");
    select.insertAdjacentElement("beforebegin", label);
    select.insertAdjacentElement("beforebegin", box);
    select.insertAdjacentElement("afterend", live);
    var options = Array.prototype.map.call(select.options, function (option) {
      return { option: option, key: normalise(option.text) };
    });
    box.addEventListener("input", function () {
      var typed = normalise(box.value);
      var shown = 0;
      options.forEach(function (entry) {
        var match = typed === "" || entry.key.indexOf(typed) !== -1;
        entry.option.hidden = !(match || entry.option.selected);
        if (match) {
          shown += 1;
        }
      });
      live.textContent = typed === "" ? "" : countText(select, shown);
    });
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-autocomplete]"), enhance);
    Array.prototype.forEach.call(document.querySelectorAll("select[data-filter]"), addFilter);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
  document.addEventListener("htmx:afterSettle", enhanceAll);
})();

/* The werkgebied picker (aanmelding/werkgebied.py): a textarea of municipality names, one
   per line, becomes a combobox (WAI-ARIA 1.2) with a short list of matching municipalities
   and the chosen ones below it, each with a Remove button. The textarea stays in the form,
   hidden, and holds what is chosen: without this script it is the field itself.
   Its data (all municipalities, which library already serves each, the texts) comes from a
   JSON block next to the textarea (Django's json_script). */
(function () {
  "use strict";

  var MAX_OPTIONS = 10;

  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function format(text, values) {
    return text.replace(/%\((\w+)\)s/g, function (_, key) { return values[key]; });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    if (text) { node.textContent = text; }
    return node;
  }

  function Picker(textarea, data) {
    var id = textarea.id;
    this.textarea = textarea;
    this.texts = data.texts;
    this.options = data.options.map(function (row) {
      return { pk: row[0], code: row[1], naam: row[2], provincie: row[3], served: row[4], key: fold(row[2]) };
    });
    this.matches = [];
    this.active = -1;
    this.chosen = this.read();

    var wrapper = element("div", { "class": "gemeente-picker" });
    var field = element("div", { "class": "position-relative" });
    this.input = element("input", {
      type: "text",
      id: id + "_zoek",
      "class": "form-control" + (textarea.classList.contains("is-invalid") ? " is-invalid" : ""),
      role: "combobox",
      "aria-expanded": "false",
      "aria-controls": id + "_lijst",
      "aria-autocomplete": "list",
      autocomplete: "off",
      spellcheck: "false"
    });
    ["aria-describedby", "aria-invalid"].forEach(function (name) {
      if (textarea.hasAttribute(name)) { this.input.setAttribute(name, textarea.getAttribute(name)); }
    }, this);
    this.listbox = element("ul", {
      id: id + "_lijst",
      role: "listbox",
      "class": "list-group gemeente-picker-options",
      "aria-label": this.texts.options
    });
    this.listbox.hidden = true;
    this.status = element("div", { "class": "visually-hidden", role: "status", id: id + "_status" });
    var heading = element("p", { "class": "mt-3 mb-1 fw-semibold", id: id + "_gekozen" }, this.texts.chosen);
    this.list = element("ul", { "class": "list-group gemeente-picker-chosen", "aria-labelledby": id + "_gekozen" });
    this.empty = element("p", { "class": "mb-0" }, this.texts.none_chosen);

    field.appendChild(this.input);
    field.appendChild(this.listbox);
    [field, this.status, heading, this.list, this.empty].forEach(function (node) {
      wrapper.appendChild(node);
    });
    textarea.insertAdjacentElement("afterend", wrapper);
    textarea.hidden = true;

    // The field's label and help now belong to the combobox.
    var label = document.querySelector("label[for='" + id + "']");
    if (label) { label.htmlFor = this.input.id; }
    var help = document.getElementById(id + "_helptext");
    if (help) {
      help.textContent = this.texts.hint;
      field.insertAdjacentElement("afterend", help);  // right below the combobox
    }

    this.input.addEventListener("input", this.search.bind(this));
    this.input.addEventListener("keydown", this.key.bind(this));
    this.input.addEventListener("blur", this.close.bind(this));
    this.listbox.addEventListener("mousedown", function (event) { event.preventDefault(); });
    this.listbox.addEventListener("click", this.click.bind(this));
    // The error summary links to the (hidden) textarea: move focus to the combobox instead.
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a[href='#" + id + "']");
      if (link) {
        event.preventDefault();
        this.input.focus();
      }
    }.bind(this));
    this.render();
  }

  Picker.prototype.find = function (line) {
    var key = fold(line);
    for (var i = 0; i < this.options.length; i += 1) {
      var option = this.options[i];
      if (option.key === key || option.code.toLowerCase() === key) { return option; }
    }
    return null;
  };

  /* What the textarea holds now: known municipalities and, kept as typed, unknown lines. */
  Picker.prototype.read = function () {
    var seen = {};
    return this.textarea.value.split("\n").map(function (line) {
      return line.trim();
    }).filter(function (line) {
      return line;
    }).map(function (line) {
      return this.find(line) || { pk: "?" + line, naam: line, served: [], unknown: true };
    }, this).filter(function (item) {
      if (seen[item.pk]) { return false; }
      seen[item.pk] = true;
      return true;
    });
  };

  Picker.prototype.write = function () {
    this.textarea.value = this.chosen.map(function (item) { return item.naam; }).join("\n");
  };

  Picker.prototype.note = function (item) {
    if (item.unknown) { return this.texts.unknown; }
    if (item.served.length) {
      return format(this.texts.served_by, { libraries: item.served.join(", ") });
    }
    return "";
  };

  Picker.prototype.announce = function (text) {
    var status = this.status;
    window.clearTimeout(this.announcing);
    this.announcing = window.setTimeout(function () { status.textContent = text; }, 300);
  };

  Picker.prototype.search = function () {
    var query = fold(this.input.value);
    if (!query) {
      this.close();
      this.status.textContent = "";
      return;
    }
    this.open(query);
  };

  Picker.prototype.open = function (query) {
    var taken = {};
    this.chosen.forEach(function (item) { taken[item.pk] = true; });
    var free = this.options.filter(function (option) { return !taken[option.pk]; });
    var starts = [];
    var contains = [];
    free.forEach(function (option) {
      if (!query || option.key.indexOf(query) === 0 || option.code.toLowerCase() === query) {
        starts.push(option);
      } else if (option.key.indexOf(query) > 0) {
        contains.push(option);
      }
    });
    var all = starts.concat(contains);
    this.matches = all.slice(0, MAX_OPTIONS);
    this.active = -1;
    this.listbox.textContent = "";
    this.matches.forEach(function (option, index) {
      var item = element("li", {
        role: "option",
        id: this.listbox.id + "_" + option.pk,
        "class": "list-group-item list-group-item-action",
        "aria-selected": "false",
        "data-index": String(index)
      }, option.naam + " (" + option.provincie + ")");
      var note = this.note(option);
      if (note) { item.appendChild(element("span", { "class": "d-block small" }, note)); }
      this.listbox.appendChild(item);
    }, this);
    this.listbox.hidden = !this.matches.length;
    this.input.setAttribute("aria-expanded", this.matches.length ? "true" : "false");
    this.input.removeAttribute("aria-activedescendant");
    if (!all.length) {
      this.announce(this.texts.found_none);
    } else if (all.length > MAX_OPTIONS) {
      this.announce(format(this.texts.found_more, { count: MAX_OPTIONS }));
    } else if (all.length === 1) {
      this.announce(this.texts.found_one);
    } else {
      this.announce(format(this.texts.found_many, { count: all.length }));
    }
  };

  Picker.prototype.close = function () {
    this.listbox.hidden = true;
    this.matches = [];
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  };

  Picker.prototype.isOpen = function () {
    return !this.listbox.hidden;
  };

  Picker.prototype.highlight = function (index) {
    var items = this.listbox.children;
    for (var i = 0; i < items.length; i += 1) {
      var on = i === index;
      items[i].setAttribute("aria-selected", on ? "true" : "false");
      items[i].classList.toggle("active", on);
    }
    this.active = index;
    if (index >= 0) {
      this.input.setAttribute("aria-activedescendant", items[index].id);
      items[index].scrollIntoView({ block: "nearest" });
    } else {
      this.input.removeAttribute("aria-activedescendant");
    }
  };

  Picker.prototype.key = function (event) {
    var count = this.matches.length;
    switch (event.key) {
      case "ArrowDown":
        event.preventDefault();
        if (!this.isOpen()) {
          this.open(fold(this.input.value));
          if (this.matches.length) { this.highlight(0); }
        } else if (count) {
          this.highlight((this.active + 1) % count);
        }
        break;
      case "ArrowUp":
        event.preventDefault();
        if (this.isOpen() && count) {
          this.highlight(this.active <= 0 ? count - 1 : this.active - 1);
        }
        break;
      case "Enter":
        if (this.isOpen() && (this.active >= 0 || count === 1)) {
          event.preventDefault();
          this.choose(this.matches[Math.max(this.active, 0)]);
        } else if (this.input.value.trim()) {
          event.preventDefault();  // a half-typed name never submits the form
        }
        break;
      case "Escape":
        if (this.isOpen()) {
          event.preventDefault();
          this.close();
        } else if (this.input.value) {
          event.preventDefault();
          this.input.value = "";
        }
        break;
      case "Tab":
        this.close();
        break;
      default:
        break;
    }
  };

  Picker.prototype.click = function (event) {
    var item = event.target.closest("[role=option]");
    if (item) { this.choose(this.matches[Number(item.getAttribute("data-index"))]); }
  };

  Picker.prototype.choose = function (option) {
    if (!option) { return; }
    this.chosen.push(option);
    this.write();
    this.render();
    this.input.value = "";
    this.close();
    this.input.focus();
    this.announce(format(this.texts.added, { name: option.naam }));
  };

  Picker.prototype.remove = function (index) {
    var item = this.chosen.splice(index, 1)[0];
    this.write();
    this.render();
    var buttons = this.list.querySelectorAll("button");
    var next = buttons[Math.min(index, buttons.length - 1)];
    (next || this.input).focus();
    this.announce(format(this.texts.removed, { name: item.naam }));
  };

  Picker.prototype.render = function () {
    this.list.textContent = "";
    this.chosen.forEach(function (item, index) {
      var row = element("li", { "class": "list-group-item d-flex justify-content-between align-items-center gap-2" });
      var name = element("span", {}, item.naam);
      var note = this.note(item);
      if (note) { name.appendChild(element("span", { "class": "d-block small" }, note)); }
      var button = element("button", { type: "button", "class": "btn btn-sm btn-outline-danger" }, this.texts.remove);
      button.appendChild(element("span", { "class": "visually-hidden" }, " " + item.naam));
      button.addEventListener("click", this.remove.bind(this, index));
      row.appendChild(name);
      row.appendChild(button);
      this.list.appendChild(row);
    }, this);
    this.list.hidden = !this.chosen.length;
    this.empty.hidden = Boolean(this.chosen.length);
  };

  function start() {
    document.querySelectorAll("textarea[data-picker]").forEach(function (textarea) {
      var source = document.getElementById(textarea.getAttribute("data-picker"));
      if (source && !textarea.hidden) {
        textarea.picker = new Picker(textarea, JSON.parse(source.textContent));
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());

// Chip editors: a multiple select, a group of check boxes or a one-per-line text box shown as removable chips
// with a combobox to add more (the WAI-ARIA combobox pattern with a list box of options). The original field
// stays in the form, hidden and kept in step, so the form posts exactly what it would without JavaScript.
"use strict";

(() => {
  let counter = 0;

  // What the editor reads and changes: the items of the field, each with its value, label and chosen state.
  function sourceOf(element) {
    const mode = element.dataset.chips;
    if (mode === "list") {
      return {
        items: () => Array.from(element.options).map((option) => ({
          value: option.value, label: option.text.trim(), chosen: option.selected,
          set: (on) => { option.selected = on; },
        })),
        free: false,
      };
    }
    if (mode === "boxes") {
      return {
        items: () => Array.from(element.querySelectorAll("input[type=checkbox]")).map((box) => ({
          value: box.value, label: (box.closest("label") || box).textContent.trim() || box.value, chosen: box.checked,
          set: (on) => { box.checked = on; },
        })),
        free: false,
      };
    }
    // "lines": a text area holding one item per line; any typed text can be added.
    const lines = () => element.value.split("\n").map((line) => line.trim()).filter(Boolean);
    return {
      items: () => lines().map((line) => ({
        value: line, label: line, chosen: true,
        set: (on) => {
          if (!on) element.value = lines().filter((other) => other !== line).join("\n");
        },
      })),
      add: (text) => {
        if (!lines().includes(text)) element.value = [...lines(), text].join("\n");
      },
      free: true,
    };
  }

  function build(element, texts) {
    const source = sourceOf(element);
    const id = `chips-${++counter}`;
    const field = element.closest(".field") || element;
    // The name the field already has: its label, or the legend of a group of boxes.
    const labelElement = element.dataset.chips === "boxes"
      ? element.querySelector("legend") : document.querySelector(`label[for="${element.id}"]`);
    if (labelElement && !labelElement.id) labelElement.id = `${id}-label`;
    const name = labelElement ? labelElement.textContent.trim() : "";

    const editor = document.createElement("div");
    editor.className = "chip-editor";
    const chips = document.createElement("ul");
    chips.className = "chips";
    chips.setAttribute("aria-label", `${texts.chosen}: ${name}`);
    const combo = document.createElement("div");
    combo.className = "chip-combo";
    const input = document.createElement("input");
    input.type = "text";
    input.id = `${id}-input`;
    input.autocomplete = "off";
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", `${id}-options`);
    if (labelElement) input.setAttribute("aria-labelledby", labelElement.id);
    const hint = document.createElement("p");
    hint.className = "help";
    hint.id = `${id}-hint`;
    hint.textContent = source.free ? texts.hint_free : texts.hint;
    const described = [hint.id, element.getAttribute("aria-describedby")].filter(Boolean).join(" ");
    input.setAttribute("aria-describedby", described);
    if (element.getAttribute("aria-invalid")) input.setAttribute("aria-invalid", "true");
    const list = document.createElement("ul");
    list.id = `${id}-options`;
    list.className = "chip-options";
    list.setAttribute("role", "listbox");
    if (labelElement) list.setAttribute("aria-labelledby", labelElement.id);
    list.hidden = true;
    const live = document.createElement("p");
    live.className = "visually-hidden";
    live.setAttribute("role", "status");
    live.setAttribute("aria-live", "polite");
    combo.append(input, list);
    editor.append(chips, combo, hint, live);

    let options = [];
    let active = -1;
    // Chips stay in the order they were chosen (the field's own order at first), so the last one is the newest.
    let order = source.items().filter((it) => it.chosen).map((it) => it.value);
    const chosenItems = () => {
      const chosen = source.items().filter((it) => it.chosen);
      order = order.filter((value) => chosen.some((it) => it.value === value));
      for (const it of chosen) if (!order.includes(it.value)) order.push(it.value);
      return order.map((value) => chosen.find((it) => it.value === value));
    };

    const announce = (message) => { live.textContent = message; };

    function renderChips() {
      chips.replaceChildren();
      for (const item of chosenItems()) {
        const chip = document.createElement("li");
        chip.className = "chip";
        chip.dataset.value = item.value;
        const text = document.createElement("span");
        text.textContent = item.label;
        const remove = document.createElement("button");
        remove.type = "button";
        remove.className = "chip-remove";
        remove.setAttribute("aria-label", `${texts.remove} ${item.label}`);
        remove.textContent = "×";
        remove.addEventListener("click", () => {
          removeItem(item);
          input.focus();
        });
        chip.append(text, remove);
        chips.append(chip);
      }
      chips.hidden = !chips.children.length;
    }

    function removeItem(item) {
      item.set(false);
      renderChips();
      announce(`${texts.removed} ${item.label}`);
    }

    function addItem(item) {
      item.set(true);
      input.value = "";
      close();
      renderChips();
      announce(`${texts.added} ${item.label}`);
    }

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function setActive(index) {
      active = index;
      Array.from(list.children).forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      if (index >= 0 && list.children[index]) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
        list.children[index].scrollIntoView({ block: "nearest" });
      } else {
        input.removeAttribute("aria-activedescendant");
      }
    }

    function open() {
      const query = input.value.trim().toLocaleLowerCase();
      options = source.items().filter((it) => !it.chosen && (!query
        || it.label.toLocaleLowerCase().includes(query) || it.value.toLocaleLowerCase().includes(query)));
      list.replaceChildren();
      options.slice(0, 50).forEach((item, i) => {
        const li = document.createElement("li");
        li.id = `${id}-option-${i}`;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.textContent = item.label;
        // Pressing the mouse would blur the input first; taking the press keeps the list open for the click.
        li.addEventListener("mousedown", (event) => event.preventDefault());
        li.addEventListener("click", () => addItem(item));
        list.append(li);
      });
      options = options.slice(0, 50);
      if (!options.length && query && !source.free) {
        const li = document.createElement("li");
        li.className = "chip-none";
        li.setAttribute("role", "option");
        li.setAttribute("aria-disabled", "true");
        li.setAttribute("aria-selected", "false");
        li.textContent = texts.none;
        list.append(li);
      }
      const shown = list.children.length > 0 && (options.length > 0 || query);
      list.hidden = !shown;
      input.setAttribute("aria-expanded", String(Boolean(shown)));
      setActive(-1);
    }

    input.addEventListener("input", () => {
      if (input.value.trim() || !source.free) open(); else close();
    });
    input.addEventListener("focus", () => { if (!source.free && input.value.trim()) open(); });
    input.addEventListener("blur", () => close());
    input.addEventListener("keydown", (event) => {
      const expanded = !list.hidden;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        if (!expanded) open();
        if (!options.length) return;
        const step = event.key === "ArrowDown" ? 1 : -1;
        setActive(active < 0 ? (step > 0 ? 0 : options.length - 1) : (active + step + options.length) % options.length);
      } else if (event.key === "Enter") {
        // Enter adds the term in the input; it does not send the form from here.
        event.preventDefault();
        const text = input.value.trim();
        if (expanded && active >= 0) {
          addItem(options[active]);
        } else if (text) {
          const exact = options.find((it) => it.label.toLocaleLowerCase() === text.toLocaleLowerCase());
          if (exact || (!source.free && options.length === 1)) {
            addItem(exact || options[0]);
          } else if (source.free) {
            source.add(text);
            input.value = "";
            close();
            renderChips();
            announce(`${texts.added} ${text}`);
          }
        }
      } else if (event.key === "Escape") {
        if (expanded) {
          event.preventDefault();
          close();
        } else if (input.value) {
          event.preventDefault();
          input.value = "";
        }
      } else if (event.key === "Backspace" && !input.value) {
        const chosen = chosenItems();
        if (chosen.length) {
          event.preventDefault();
          removeItem(chosen[chosen.length - 1]);
        }
      }
    });

    // The original stays in the form, out of sight; its label now names the combobox.
    if (element.dataset.chips === "boxes") {
      for (const label of element.querySelectorAll("label.checkbox")) label.hidden = true;
      labelElement.after(editor);
    } else {
      if (labelElement) labelElement.htmlFor = input.id;
      element.hidden = true;
      if (element.dataset.chips === "list") {
        // The help about holding Ctrl is for the native list only.
        for (const help of field.querySelectorAll(".help")) help.hidden = true;
      }
      element.after(editor);
    }
    renderChips();
  }

  document.addEventListener("DOMContentLoaded", () => {
    const form = document.querySelector("form[data-chip-texts]");
    if (!form) return;
    const texts = JSON.parse(form.dataset.chipTexts);
    for (const element of form.querySelectorAll("[data-chips]")) build(element, texts);
  });
})();

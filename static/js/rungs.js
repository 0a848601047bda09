// Small progressive enhancements; every page works without this file.
(() => {
  // Print (and "save as PDF") should include folded sections.
  window.addEventListener("beforeprint", () => {
    document.querySelectorAll("details:not([open])").forEach((el) => {
      el.dataset.printOpened = "1";
      el.open = true;
    });
  });
  window.addEventListener("afterprint", () => {
    document.querySelectorAll("details[data-print-opened]").forEach((el) => {
      el.open = false;
      delete el.dataset.printOpened;
    });
  });

  // Buttons that print the page (the print stylesheet keeps only the content).
  // They stay hidden without JavaScript, where they could not work (the browser's own Print
  // menu still does).
  document.querySelectorAll("[data-print]").forEach((button) => {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  });

  // A table wider than its box says so in words (the stylesheet's edge shadows say it without
  // JavaScript too); the line goes away when the table fits.
  document.querySelectorAll(".table-wrap").forEach((wrap) => {
    const hint = document.createElement("p");
    hint.className = "table-hint";
    hint.textContent = "Scroll sideways to see the whole table →";
    wrap.before(hint);
    const check = () => { hint.hidden = wrap.scrollWidth <= wrap.clientWidth + 1; };
    check();
    if ("ResizeObserver" in window) new ResizeObserver(check).observe(wrap);
  });

  // The header's menus (<details>: the phone menu, the notifications menu inside it) close with
  // Escape and give focus back to their button; the innermost open one closes first.
  document.querySelectorAll("[data-site-menu], [data-notif-menu]").forEach((menu) => {
    menu.addEventListener("keydown", (event) => {
      if (event.key !== "Escape" || !menu.open) return;
      event.stopPropagation(); // a menu around it stays open
      menu.open = false;
      menu.querySelector("summary").focus();
    });
  });
  // The notifications menu also closes when a click lands outside it.
  const notifications = document.querySelector("[data-notif-menu]");
  if (notifications) {
    document.addEventListener("click", (event) => {
      if (notifications.open && !notifications.contains(event.target)) notifications.open = false;
    });
  }

  // htmx swaps only on success; say so when a vote is refused (rate limit, suspension…).
  document.body.addEventListener("htmx:responseError", (event) => {
    const status = event.detail.xhr.status;
    const text = status === 429
      ? "You are voting very fast. Please wait a few minutes and try again."
      : status === 503
        ? "Part of Rungs is restarting, so that was not saved. Please try again in a minute."
        : "That did not work. Please reload the page and try again.";
    let box = document.getElementById("htmx-error");
    if (!box) {
      box = document.createElement("p");
      box.id = "htmx-error";
      box.className = "message message--error toast";
      box.setAttribute("role", "alert");
      document.body.append(box);
    }
    box.textContent = text;
  });

  // Long posts fold behind "Show more". Without JavaScript they are simply shown in full.
  const FOLD_AT = 480; // pixels
  document.querySelectorAll("[data-foldable]").forEach((body) => {
    if (body.scrollHeight <= FOLD_AT * 1.3) return;
    body.classList.add("is-folded");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "btn btn--small fold-toggle";
    button.textContent = "Show more";
    button.setAttribute("aria-expanded", "false");
    button.addEventListener("click", () => {
      const folded = body.classList.toggle("is-folded");
      button.textContent = folded ? "Show more" : "Show less";
      button.setAttribute("aria-expanded", String(!folded));
    });
    body.after(button);
  });
})();

// The plan page, enhanced; everything here also works without this file.
(() => {
  // Copy the share link. Without JavaScript (or clipboard access) the link stays in its
  // read-only field, selected on focus, to copy by hand.
  const field = document.querySelector("[data-share-link]");
  const button = document.querySelector("[data-copy]");
  const status = document.querySelector("[data-copy-status]");
  if (field) {
    field.addEventListener("focus", () => field.select());
  }
  if (field && button && navigator.clipboard && window.isSecureContext) {
    button.hidden = false;
    button.addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(field.value);
        if (status) status.textContent = "Link copied.";
      } catch {
        field.focus();
        field.select();
        if (status) status.textContent = "Could not copy: the link is selected, press Ctrl+C or ⌘C.";
      }
    });
  }

  // After htmx swaps an action's row in, put focus back where the person was working.
  document.body.addEventListener("htmx:afterSettle", (event) => {
    const target = event.detail.elt;
    if (!(target instanceof Element)) return;
    const wanted = document.querySelector("[data-focus]");
    if (wanted) {
      wanted.focus();
      wanted.removeAttribute("data-focus");
    }
  });
})();

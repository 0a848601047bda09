// The tags field of a question: a suggestion under it (forum/_tag_suggestions.html, swapped in
// by htmx) completes the field when picked. Without JavaScript the list never appears; the
// browser's own <datalist> suggestions still work.
(() => {
  document.addEventListener("click", (event) => {
    const pick = event.target.closest(".tag-suggest__pick");
    if (!pick) return;
    const field = pick.closest(".field")?.querySelector("input[list='tag-suggestions']");
    if (!field) return;
    field.value = pick.dataset.tagValue;
    field.focus();
    field.setSelectionRange(field.value.length, field.value.length);
    // Ask for the next suggestions, and let the draft keep the new value.
    field.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();

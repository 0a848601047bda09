// The self-assessment steps (templates/growth/assess.html). Without this file each step is a
// plain form that saves and redirects; with htmx the next step is swapped in at once, and this
// file moves the focus there: to the first expectation still to rate after a refused finish,
// else to the step's heading, so a screen reader starts reading the new step.
(() => {
  const focusStep = () => {
    const step = document.getElementById("assess-step");
    if (!step) return;
    const unrated = step.querySelector(".assess-item--unrated");
    const target = unrated || document.getElementById("step-heading");
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: unrated ? "center" : "start" });
  };

  // On a phone the list of competencies folds away (it is open without JavaScript), so the
  // step's first expectation is on the first screen; "Competencies" opens it.
  const narrow = window.matchMedia("(max-width: 59.99rem)");
  const fold = () => {
    document.querySelectorAll("details[data-fold-narrow]").forEach((details) => {
      details.open = !narrow.matches;
    });
  };
  fold();
  narrow.addEventListener("change", fold);

  document.body.addEventListener("htmx:afterSettle", (event) => {
    const target = event.detail.target;
    if (target && target.id === "assess-step") {
      fold();
      focusStep();
    }
  });

  // A refused autosave (htmx swaps only on success) must not leave "Saved at…" showing.
  document.body.addEventListener("htmx:responseError", (event) => {
    const status = document.getElementById("autosave-status");
    if (!status || !event.detail.elt.closest("fieldset.assess-item")) return;
    const reason = event.detail.xhr.responseText.slice(0, 200);
    status.textContent = `Not saved: ${reason || "please try again"}`;
  });

  // Arriving at a marked step (after a refused finish, without htmx): the first item to rate.
  if (new URLSearchParams(window.location.search).get("unrated") === "1") focusStep();
})();

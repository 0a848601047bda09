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

  document.body.addEventListener("htmx:afterSettle", (event) => {
    const target = event.detail.target;
    if (target && target.id === "assess-step") focusStep();
  });

  // Arriving at a marked step (after a refused finish, without htmx): the first item to rate.
  if (new URLSearchParams(window.location.search).get("unrated") === "1") focusStep();
})();

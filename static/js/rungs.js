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
})();

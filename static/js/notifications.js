// The header's notifications menu (a <details>) closes with Escape, giving focus back to its
// button, and when a click lands outside it. Without this file it opens and closes on its own.
(() => {
  const menu = document.querySelector("[data-notif-menu]");
  if (!menu) return;
  menu.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !menu.open) return;
    event.stopPropagation(); // the phone menu around it stays open
    menu.open = false;
    menu.querySelector("summary").focus();
  });
  document.addEventListener("click", (event) => {
    if (menu.open && !menu.contains(event.target)) menu.open = false;
  });
})();

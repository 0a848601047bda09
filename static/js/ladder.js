// The ladder's level and compare pages (templates/ladder/level.html, compare.html), made
// shorter on phones. Without this file every competency shows in full and the "On this page"
// list stays open: nothing here is needed to read the ladder.
//
// Each competency folds behind its heading: the <h2> stays a heading and gets a button inside
// it (a button inside a <summary> would hide the heading from screen readers' heading lists).
// On phones (below 40rem) they start closed, except the one the address points at; a folded
// body is hidden="until-found", so the browser's find-in-page still opens it.
(() => {
  const sections = [...document.querySelectorAll("[data-fold]")];
  const phone = window.matchMedia("(max-width: 40rem)");

  const isOpen = (section) => section.querySelector(".fold__toggle").getAttribute("aria-expanded") === "true";
  const setOpen = (section, open) => {
    section.querySelector(".fold__toggle").setAttribute("aria-expanded", String(open));
    const body = section.querySelector(".fold__body");
    if (open) body.removeAttribute("hidden");
    else body.setAttribute("hidden", "until-found");
    section.classList.toggle("is-folded", !open);
  };

  sections.forEach((section) => {
    const heading = section.querySelector(".fold__heading");
    const body = section.querySelector(".fold__body");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "fold__toggle";
    button.setAttribute("aria-controls", body.id);
    button.append(...heading.childNodes);
    heading.append(button);
    button.addEventListener("click", () => setOpen(section, !isOpen(section)));
    body.addEventListener("beforematch", () => setOpen(section, true));
    setOpen(section, true);
  });

  // The section that holds an in-page target ("#design", "#e-senior-design-review").
  const holding = (hash) => {
    if (!hash || hash.length < 2) return null;
    let id;
    try {
      id = decodeURIComponent(hash.slice(1));
    } catch {
      return null; // a malformed address ("#%E0%A4") points nowhere; the page still works
    }
    const target = document.getElementById(id);
    return target ? target.closest("[data-fold]") : null;
  };
  const openTarget = () => {
    const section = holding(window.location.hash);
    if (section) setOpen(section, true);
  };

  if (sections.length) {
    // One button opens or closes them all.
    const all = document.createElement("button");
    all.type = "button";
    all.className = "btn btn--small fold-all";
    const label = () => {
      all.textContent = sections.every(isOpen) ? "Close every competency" : "Open every competency";
    };
    all.addEventListener("click", () => {
      const open = !sections.every(isOpen);
      sections.forEach((section) => setOpen(section, open));
      label();
    });
    sections[0].before(all);
    sections.forEach((section) => section.querySelector(".fold__toggle").addEventListener("click", label));

    if (phone.matches) sections.forEach((section) => setOpen(section, false));
    openTarget();
    label();
    window.addEventListener("hashchange", () => { openTarget(); label(); });
    // A link to the section already in the address fires no hashchange: open it on the click,
    // before the browser scrolls to it.
    document.addEventListener("click", (event) => {
      const link = event.target.closest('a[href^="#"]');
      const section = link && holding(link.getAttribute("href"));
      if (section && !isOpen(section)) {
        setOpen(section, true);
        label();
      }
    });
    window.addEventListener("beforeprint", () => {
      sections.forEach((section) => section.querySelector(".fold__body").removeAttribute("hidden"));
    });
    window.addEventListener("afterprint", () => {
      sections.forEach((section) => setOpen(section, isOpen(section)));
    });
  }

  // "On this page" starts open (without JavaScript it is a plain list); where it cannot sit
  // beside the content it closes to one line.
  const toc = document.querySelector("[data-page-toc]");
  if (toc && window.matchMedia("(max-width: 63.99rem)").matches) toc.open = false;
})();

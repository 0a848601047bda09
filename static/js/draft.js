// Drafts kept in this browser (localStorage) for the forms marked data-draft="<key>": asking a
// question and answering one. What is typed is saved as it is typed; the draft comes back when
// the form is opened empty again (the tab was closed, or a submit failed on the way: rate limit,
// expired session, a server restarting), with a "Draft restored · Discard" notice. It is
// cleared once the post is on the site (the page after the submit says so). Without this file
// the forms work as before; nothing typed leaves the browser except by submitting.
(() => {
  const PREFIX = "rungs:draft:";
  const PENDING = "rungs:draft-pending";
  const store = (() => {
    try {
      const probe = PREFIX + "probe";
      window.localStorage.setItem(probe, "1");
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch {
      return null; // private mode or storage switched off: no drafts, nothing breaks
    }
  })();
  if (!store) return;

  // The fields a person fills in (hidden ones, like the CSRF and double-submit tokens, are the
  // page's own and never restored).
  const fieldsOf = (form) => Array.from(form.elements).filter(
    (el) => el.name && !el.disabled && ["TEXTAREA", "SELECT", "INPUT"].includes(el.tagName)
      && !["hidden", "submit", "button", "file", "password"].includes(el.type),
  );
  const valuesOf = (form) => {
    const values = {};
    for (const el of fieldsOf(form)) values[el.name] = el.type === "checkbox" ? el.checked : el.value;
    return values;
  };
  const hasText = (values) => Object.values(values).some((v) => typeof v === "string" && v.trim() !== "");
  const apply = (form, values) => {
    for (const el of fieldsOf(form)) {
      if (!(el.name in values)) continue;
      if (el.type === "checkbox") el.checked = Boolean(values[el.name]);
      else el.value = values[el.name];
    }
  };

  // The page after a submit: a success message means the post is on the site.
  const pending = window.sessionStorage.getItem(PENDING);
  if (pending) {
    window.sessionStorage.removeItem(PENDING);
    if (document.querySelector(".messages .message--success")) store.removeItem(PREFIX + pending);
  }

  document.querySelectorAll("form[data-draft]").forEach((form) => {
    const key = PREFIX + form.dataset.draft;
    const typedTextFields = fieldsOf(form).filter((el) => el.tagName === "TEXTAREA" || el.type === "text");
    const asServed = valuesOf(form);

    let saved = null;
    try {
      saved = JSON.parse(store.getItem(key) || "null");
    } catch {
      store.removeItem(key);
    }
    // Only into a form opened empty: a form the server sent back with what was typed (a refused
    // submit) already shows it, and that wins.
    const empty = typedTextFields.every((el) => el.value.trim() === "");
    if (saved && saved.values && hasText(saved.values) && empty) {
      apply(form, saved.values);
      const notice = document.createElement("p");
      notice.className = "draft-notice";
      notice.setAttribute("role", "status");
      notice.append("Draft restored · ");
      const discard = document.createElement("button");
      discard.type = "button";
      discard.className = "link-button";
      discard.textContent = "Discard";
      discard.setAttribute("aria-label", "Discard the restored draft");
      discard.addEventListener("click", () => {
        store.removeItem(key);
        apply(form, asServed);
        notice.remove();
        (typedTextFields[0] || form).focus();
      });
      notice.append(discard);
      form.prepend(notice);
      // Let the htmx preview catch up with the restored text (hx-trigger "draft-restored";
      // an "input" would not do: htmx saw the restored value first, so nothing "changed"),
      // once htmx is listening: it starts at DOMContentLoaded, after the deferred scripts (this
      // one included), so wait for the page's "load".
      const catchUp = () => typedTextFields.forEach(
        (el) => el.dispatchEvent(new Event("draft-restored", { bubbles: false })),
      );
      if (document.readyState === "complete") catchUp();
      else window.addEventListener("load", catchUp, { once: true });
    }

    let timer = null;
    const save = () => {
      const values = valuesOf(form);
      if (hasText(values)) store.setItem(key, JSON.stringify({ values, saved: Date.now() }));
      else store.removeItem(key);
    };
    form.addEventListener("input", () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, 300);
    });
    form.addEventListener("change", save);
    form.addEventListener("submit", () => {
      save();
      window.sessionStorage.setItem(PENDING, form.dataset.draft);
    });
  });
})();

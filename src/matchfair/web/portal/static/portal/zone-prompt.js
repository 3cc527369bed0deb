// The one question to online participants: their browser knows their time zone, the
// server does not. The "use" button appears only when the browser names a zone, so
// without JavaScript the prompt offers just to keep the event's (and is answered).
document.querySelectorAll("form[data-zone-prompt]").forEach((form) => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) {
    return;
  }
  form.querySelector("input[name=zone]").value = zone;
  form.querySelector("[data-browser-zone]").textContent = zone.replaceAll("_", " ");
  form.querySelector("[data-use-zone]").hidden = false;
});

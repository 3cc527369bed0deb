// Preselect the browser's time zone in a time-zone field left at its default,
// so that most people never have to look for theirs in the list of 600.
document.querySelectorAll("select[data-browser-timezone]").forEach((select) => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (select.value === "UTC" && zone && select.querySelector(`option[value="${zone}"]`)) {
    select.value = zone;
  }
});

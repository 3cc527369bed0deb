// Submits a select's form as soon as a choice is made (the schedule's organization picker),
// from a file rather than an inline handler, which the Content-Security-Policy blocks.
// Without scripts the form's own button still submits it.
document.querySelectorAll("select[data-submit-on-change]").forEach((select) => {
  select.addEventListener("change", () => select.form.submit());
});

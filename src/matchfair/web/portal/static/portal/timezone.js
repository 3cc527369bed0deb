// A time-zone field left empty follows the event's time zone: right for people who
// travel to the venue. Online participants sit at home, so when the form says
// "online" the browser's own zone is preselected (they see it and may change it);
// switching back to "on site" gives the event's zone again, unless they picked one.
document.querySelectorAll("select[data-browser-timezone]").forEach((select) => {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const attendance = select.form && select.form.querySelector("[name=attendance]");
  const known = zone && select.querySelector(`option[value="${zone}"]`);
  let preselected = false;
  const follow = () => {
    const online = attendance && attendance.value === "online";
    if (online && known && select.value === "") {
      select.value = zone;
      preselected = true;
    } else if (!online && preselected && select.value === zone) {
      select.value = "";
      preselected = false;
    }
  };
  select.addEventListener("change", () => {
    preselected = false;
  });
  if (attendance) {
    attendance.addEventListener("change", follow);
  }
  follow();
});

// Polls a job's status and updates its progress bar; reloads the page when the job ends.
(function () {
  const box = document.querySelector("[data-job-status-url]");
  if (!box) return;
  const bar = box.querySelector(".progress > div");
  const label = box.querySelector("[data-job-label]");
  const message = box.querySelector("[data-job-message]");
  async function poll() {
    const response = await fetch(box.dataset.jobStatusUrl, { headers: { Accept: "application/json" } });
    if (!response.ok) return;
    const job = await response.json();
    bar.style.width = job.percent + "%";
    label.textContent = job.status_label + " · " + job.percent + "%";
    message.textContent = job.message;
    if (job.finished) { window.location.reload(); } else { setTimeout(poll, 1000); }
  }
  setTimeout(poll, 1000);
})();

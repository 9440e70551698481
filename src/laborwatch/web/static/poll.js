// Polls a screening job until it is done, then opens its results.
(function () {
  const progress = document.getElementById("progress");
  const failure = document.getElementById("failure");
  const job = progress.dataset.job;
  async function poll() {
    const response = await fetch("/api/screen/" + encodeURIComponent(job));
    const state = await response.json();
    if (state.status === "complete") {
      window.location.assign("/screenings/" + state.screening);
      return;
    }
    if (state.status === "failed") {
      failure.textContent = state.error;  // text, never markup
      failure.hidden = false;
      progress.hidden = true;
      return;
    }
    progress.textContent = state.rows_done + " rows screened…";
    setTimeout(poll, 500);
  }
  poll();
})();

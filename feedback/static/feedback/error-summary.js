// Move focus to the error summary so keyboard and screen-reader users start there.
// Without JavaScript the summary is still announced (role="alert") and linked to each field.
document.addEventListener("DOMContentLoaded", () => {
  const summary = document.getElementById("error-summary");
  if (summary) summary.focus();
});

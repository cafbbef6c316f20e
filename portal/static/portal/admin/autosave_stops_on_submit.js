// Once the page editor's form is on its way to the server, Wagtail's autosave has nothing left
// to save, and a post of its own would race the submission (portal/editor_autosave.py says how
// an approval was undone that way). Autosave announces each post with a cancelable
// "w-autosave:save" event and sends it a moment later unless the event was cancelled.
(() => {
  let submitted = false;
  let scheduled = null;

  // A workflow action that first asks for a comment submits the form from script, without a
  // submit event; the hidden input it adds names the action.
  const isLeaving = (form) =>
    submitted || Boolean(form.elements.namedItem("action-workflow-action"));

  document.addEventListener("w-autosave:save", (event) => {
    if (isLeaving(event.target)) {
      event.preventDefault();
    } else {
      scheduled = event;
    }
  });

  // Last in line (window, bubbling), so a submission another script stops does not count.
  window.addEventListener("submit", (event) => {
    if (event.defaultPrevented || !event.target.matches("[data-edit-form]")) return;
    submitted = true;
    if (scheduled) scheduled.preventDefault(); // an autosave still waiting for its interval
  });
})();

// The triage page's answer tools (feedback/answer_tools.py), which work without JavaScript.
// With it, the e-mail preview gets the focus when it comes back, and a template goes into the
// answer field without a reload: the picker's GET form is taken over, so nothing else the
// handler typed is lost.
(() => {
  const preview = document.getElementById("answer-preview");
  if (preview && window.location.hash === "#answer-preview") preview.focus();

  const form = document.getElementById("answer-template-form");
  const data = document.getElementById("answer-template-texts");
  if (!form || !data) return;
  const texts = JSON.parse(data.textContent);

  form.addEventListener("submit", (event) => {
    const choice = document.getElementById("id_answer_template");
    const answer = document.getElementById("id_answer_text");
    if (!choice || !answer || !(choice.value in texts)) return; // the reload fills it in
    event.preventDefault();
    answer.value = texts[choice.value];
    // Wagtail's unsaved-changes warning listens for these.
    answer.dispatchEvent(new Event("input", { bubbles: true }));
    answer.dispatchEvent(new Event("change", { bubbles: true }));
    document.getElementById("answer-template-status").textContent =
      form.dataset.filledMessage;
    answer.focus();
  });
})();

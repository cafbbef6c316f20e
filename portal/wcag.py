"""The WCAG 2.1 success criteria at levels A and AA: what lag (2018:1937) requires, through
EN 301 549. The accessibility statement's known problems point at them by number."""

from django.utils.text import format_lazy
from django.utils.translation import pgettext_lazy

CRITERIA = [
    ("1.1.1", pgettext_lazy("WCAG", "Non-text Content")),
    ("1.2.1", pgettext_lazy("WCAG", "Audio-only and Video-only (Prerecorded)")),
    ("1.2.2", pgettext_lazy("WCAG", "Captions (Prerecorded)")),
    ("1.2.3", pgettext_lazy("WCAG", "Audio Description or Media Alternative (Prerecorded)")),
    ("1.2.4", pgettext_lazy("WCAG", "Captions (Live)")),
    ("1.2.5", pgettext_lazy("WCAG", "Audio Description (Prerecorded)")),
    ("1.3.1", pgettext_lazy("WCAG", "Info and Relationships")),
    ("1.3.2", pgettext_lazy("WCAG", "Meaningful Sequence")),
    ("1.3.3", pgettext_lazy("WCAG", "Sensory Characteristics")),
    ("1.3.4", pgettext_lazy("WCAG", "Orientation")),
    ("1.3.5", pgettext_lazy("WCAG", "Identify Input Purpose")),
    ("1.4.1", pgettext_lazy("WCAG", "Use of Color")),
    ("1.4.2", pgettext_lazy("WCAG", "Audio Control")),
    ("1.4.3", pgettext_lazy("WCAG", "Contrast (Minimum)")),
    ("1.4.4", pgettext_lazy("WCAG", "Resize Text")),
    ("1.4.5", pgettext_lazy("WCAG", "Images of Text")),
    ("1.4.10", pgettext_lazy("WCAG", "Reflow")),
    ("1.4.11", pgettext_lazy("WCAG", "Non-text Contrast")),
    ("1.4.12", pgettext_lazy("WCAG", "Text Spacing")),
    ("1.4.13", pgettext_lazy("WCAG", "Content on Hover or Focus")),
    ("2.1.1", pgettext_lazy("WCAG", "Keyboard")),
    ("2.1.2", pgettext_lazy("WCAG", "No Keyboard Trap")),
    ("2.1.4", pgettext_lazy("WCAG", "Character Key Shortcuts")),
    ("2.2.1", pgettext_lazy("WCAG", "Timing Adjustable")),
    ("2.2.2", pgettext_lazy("WCAG", "Pause, Stop, Hide")),
    ("2.3.1", pgettext_lazy("WCAG", "Three Flashes or Below Threshold")),
    ("2.4.1", pgettext_lazy("WCAG", "Bypass Blocks")),
    ("2.4.2", pgettext_lazy("WCAG", "Page Titled")),
    ("2.4.3", pgettext_lazy("WCAG", "Focus Order")),
    ("2.4.4", pgettext_lazy("WCAG", "Link Purpose (In Context)")),
    ("2.4.5", pgettext_lazy("WCAG", "Multiple Ways")),
    ("2.4.6", pgettext_lazy("WCAG", "Headings and Labels")),
    ("2.4.7", pgettext_lazy("WCAG", "Focus Visible")),
    ("2.5.1", pgettext_lazy("WCAG", "Pointer Gestures")),
    ("2.5.2", pgettext_lazy("WCAG", "Pointer Cancellation")),
    ("2.5.3", pgettext_lazy("WCAG", "Label in Name")),
    ("2.5.4", pgettext_lazy("WCAG", "Motion Actuation")),
    ("3.1.1", pgettext_lazy("WCAG", "Language of Page")),
    ("3.1.2", pgettext_lazy("WCAG", "Language of Parts")),
    ("3.2.1", pgettext_lazy("WCAG", "On Focus")),
    ("3.2.2", pgettext_lazy("WCAG", "On Input")),
    ("3.2.3", pgettext_lazy("WCAG", "Consistent Navigation")),
    ("3.2.4", pgettext_lazy("WCAG", "Consistent Identification")),
    ("3.3.1", pgettext_lazy("WCAG", "Error Identification")),
    ("3.3.2", pgettext_lazy("WCAG", "Labels or Instructions")),
    ("3.3.3", pgettext_lazy("WCAG", "Error Suggestion")),
    ("3.3.4", pgettext_lazy("WCAG", "Error Prevention (Legal, Financial, Data)")),
    ("4.1.1", pgettext_lazy("WCAG", "Parsing")),
    ("4.1.2", pgettext_lazy("WCAG", "Name, Role, Value")),
    ("4.1.3", pgettext_lazy("WCAG", "Status Messages")),
]


def choices() -> list[tuple[str, str]]:
    """For a choice list in the admin: "1.4.3 Contrast (Minimum)". A function, so a block's
    migration names it instead of copying fifty labels."""
    return [(number, format_lazy("{} {}", number, name)) for number, name in CRITERIA]

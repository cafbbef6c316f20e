"""Word lists editors keep (appeal words, safeguarding words), matched against what people write.

A word matches the start of a word in the text, in any letter case and whatever the form's
language: "avslag" matches "Avslaget" but not a word that only contains it. A phrase ("far
illa") matches the same way. Each list is remembered per content generation (its model is
watched), so a submission costs no query for it.
"""

import re
import unicodedata

from portal.content_generation import remembered

# Arabic letters that Persian writes with its own forms (keyboards give either).
_PERSIAN_FORMS = str.maketrans({"ي": "ی", "ك": "ک", "ى": "ی"})


def normalise(text: str) -> str:
    return unicodedata.normalize("NFKC", text).casefold().translate(_PERSIAN_FORMS)


def _pattern(model) -> re.Pattern | None:
    words = sorted({normalise(w) for w in model.objects.values_list("word", flat=True)})
    words = [w for w in words if w.strip()]
    if not words:
        return None
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(w) for w in words) + ")")


def mentions(model, text: str) -> bool:
    """Whether ``text`` has a word of the list ``model`` keeps (a model with a ``word`` field)."""
    pattern = remembered((model._meta.label, "words"), lambda: _pattern(model))
    return bool(pattern and pattern.search(normalise(text)))

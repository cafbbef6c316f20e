"""Babel extractor for Django templates, so catalogues need no GNU gettext.

Django's own ``templatize`` turns a template into Python-like source with gettext calls,
which Babel's Python extractor then reads.
"""

from io import BytesIO

from babel.messages.extract import extract_python
from django.utils.translation.template import templatize


def extract_django_template(fileobj, keywords, comment_tags, options):
    source = fileobj.read().decode(options.get("encoding", "utf-8"))
    # templatize keeps the template's indentation, which Python's tokenizer would read as
    # blocks; its gettext calls are one-line literals (repr), so leading space can go.
    lines = templatize(source).split("\n")
    python_like = "\n".join(line.lstrip() for line in lines).encode("utf-8")

    yield from extract_python(BytesIO(python_like), keywords, comment_tags, options)

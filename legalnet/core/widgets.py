"""Form widgets shared by the domains."""

from markupsafe import Markup
from wtforms.widgets import Select

# Enough for every vocabulary list in every language with a few selected values each.
CACHE_SIZE = 512


class CachedSelect(Select):
    """A select list rendered once per choices, selected value and attributes, then reused.

    Vocabulary lists (jurisdictions, practice areas, languages) are the same on every view of a page in
    one language, and rendering their options one by one was half the directory page's time."""

    def __init__(self, multiple: bool = False):
        super().__init__(multiple=multiple)
        self._rendered: dict[tuple, Markup] = {}

    def __call__(self, field, **kwargs) -> Markup:
        # Each choice as (value, label, selected): the selection is part of what was rendered.
        key = (field.name, field.id, tuple((value, str(label), bool(rest and rest[0]))
                                           for value, label, *rest in field.iter_choices()),
               tuple(sorted((k, str(v)) for k, v in kwargs.items())))
        found = self._rendered.get(key)
        if found is None:
            if len(self._rendered) >= CACHE_SIZE:
                self._rendered.clear()
            found = self._rendered[key] = super().__call__(field, **kwargs)
        return found

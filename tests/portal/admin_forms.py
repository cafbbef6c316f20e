"""Reading what the Wagtail admin's page form says about a StreamField after a post."""


def block_errors(response, field: str) -> dict[str, list[str]]:
    """The messages at each block of a StreamField, by path: {"0.image.alt_text": [...]}."""
    (error,) = response.context["form"].errors.as_data()[field]
    return _flatten(error.as_json_data())


def _flatten(data: dict, path: tuple[str, ...] = ()) -> dict[str, list[str]]:
    found = {".".join(path): data["messages"]} if "messages" in data else {}
    for key, child in data.get("blockErrors", {}).items():
        found.update(_flatten(child, (*path, str(key))))
    return found

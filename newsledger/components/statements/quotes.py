"""Find direct quotations in raw text: curly and straight double marks, quotes that run over
several paragraphs (news style: an unclosed quote continues when the next paragraph opens with
a mark), unbalanced marks. One linear pass over the characters."""

from __future__ import annotations

OPENERS = "“„«"
CLOSERS = "”»"
STRAIGHT = '"'
MAX_QUOTE = 6000  # an "open" quote longer than this is an unbalanced mark, not a quote


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty line-delimited paragraph, whitespace-trimmed."""
    out, pos = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            lead = len(line) - len(line.lstrip())
            out.append((pos + lead, pos + lead + len(stripped)))
        pos += len(line) + 1
    return out


def _opens(text: str, i: int) -> bool:
    """Is the mark at i an opening mark? Straight marks open after space/start/bracket."""
    if text[i] != STRAIGHT:
        return text[i] in OPENERS
    prev, nxt = _beside(text, i)
    return (prev.isspace() or prev in "([{—–-:/") and not nxt.isspace()


def _closes(text: str, i: int) -> bool:
    """Is the mark at i a closing mark? Straight marks close after anything but space/start,
    and a mark standing alone between spaces closes too: it opens nothing, and news writes the
    closing mark after a nested single quote with a space ("… 'African American outreach,' " he
    told")."""
    if text[i] != STRAIGHT:
        return text[i] in CLOSERS
    prev, nxt = _beside(text, i)
    return not prev.isspace() or nxt.isspace()


def _beside(text: str, i: int) -> tuple[str, str]:
    """The characters before and after i; a space beyond either end of the text."""
    return (text[i - 1] if i > 0 else " "), (text[i + 1] if i + 1 < len(text) else " ")


def _next_para_opens(text: str, nl: int) -> int | None:
    """Index of the opening mark that starts the paragraph after the newline at nl, if any."""
    j, n = nl + 1, len(text)
    while j < n and text[j].isspace():
        j += 1
    if j < n and (text[j] in OPENERS or text[j] == STRAIGHT):
        return j
    return None


def find_quotes(text: str) -> list[tuple[int, int]]:
    """Character spans (start, end) of quotations, marks included, in text order."""
    quotes: list[tuple[int, int]] = []
    open_at: int | None = None
    last_content = -1  # end of the last non-space char inside the current quote
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "\n" and open_at is not None:
            cont = _next_para_opens(text, i)
            if cont is None:
                # unclosed at the end of a paragraph: the quote ends with its paragraph
                if last_content > open_at:
                    quotes.append((open_at, last_content))
                open_at = None
            else:
                i = cont + 1  # the quote continues into the next paragraph
                continue
        elif ch in OPENERS or ch in CLOSERS or ch == STRAIGHT:
            if open_at is None:
                if _opens(text, i):
                    open_at, last_content = i, i + 1
            elif _closes(text, i):
                quotes.append((open_at, i + 1))
                open_at = None
            elif ch in OPENERS or (ch == STRAIGHT and _opens(text, i)):
                open_at, last_content = i, i + 1  # unbalanced: restart at the new mark
        elif open_at is not None and not ch.isspace():
            last_content = i + 1
            if i - open_at > MAX_QUOTE:
                open_at = None
        i += 1
    if open_at is not None and last_content > open_at + 1:
        quotes.append((open_at, last_content))
    return quotes

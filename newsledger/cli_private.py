"""`--allow-private [HOST]`: a repeatable option whose value may be left out.

`--allow-private HOST` (or `--allow-private=HOST`, repeatable) lets URLs reach that non-public
host, IP or network only, at every redirect hop. The bare `--allow-private` keeps its old use
(reach a server on this machine or the local network) but, unlike before, not link-local
addresses nor the cloud metadata services (169.254.169.254 ...): those must be named.

Typer's parser has no options with an optional value, so the command rewrites its arguments
first: a bare `--allow-private` (followed by nothing, an option, or something that is an input
rather than a host: a URL, '-', an existing path) becomes `--allow-private=private`.
"""

from __future__ import annotations

import ipaddress
import re
from pathlib import Path

from typer.core import TyperCommand

from .fetch import PRIVATE_RULE, AllowPrivate

OPTION = "--allow-private"
HELP = (
    "Let URLs reach a private, loopback or link-local HOST (name, IP or network; repeatable). "
    "Without HOST: loopback and private networks, but never link-local or cloud metadata "
    "addresses. Refused by default (SSRF)."
)
_HOST = re.compile(r"^[A-Za-z0-9_.\-:\[\]%]+$")


def _is_host(token: str) -> bool:
    """Whether the token after a bare --allow-private names a host (else it is an input)."""
    if token.startswith("-") or "://" in token or Path(token).exists():
        return False
    try:
        ipaddress.ip_network(token.strip("[]"), strict=False)
        return True
    except ValueError:
        return bool(_HOST.match(token))


def rewrite_bare(args: list[str]) -> list[str]:
    """Arguments with each bare --allow-private made explicit (`--allow-private=private`)."""
    out: list[str] = []
    for i, arg in enumerate(args):
        if arg == "--":
            return out + args[i:]
        if arg == OPTION and (i + 1 == len(args) or not _is_host(args[i + 1])):
            out.append(f"{OPTION}={PRIVATE_RULE}")
        else:
            out.append(arg)
    return out


class AllowPrivateCommand(TyperCommand):
    """A command with an `--allow-private [HOST]` option."""

    def parse_args(self, ctx, args: list[str]) -> list[str]:
        return super().parse_args(ctx, rewrite_bare(list(args)))


def rules(values: list[str] | None) -> AllowPrivate:
    """The option's values as fetch's allow_private: False when not given, else the named rules."""
    return list(dict.fromkeys(values)) if values else False

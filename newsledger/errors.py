"""One exception class per failure kind. Messages say what was wrong and what to do."""


class NewsledgerError(Exception):
    """Base class of newsledger's errors."""


class ModelNotFound(NewsledgerError):
    """The spaCy model is not installed."""


class InputError(NewsledgerError):
    """One input could not be read. `input` names it, `reason` says what is wrong."""

    def __init__(self, input: str, reason: str):
        super().__init__(f"{input}: {reason}")
        self.input = input
        self.reason = reason


class NotAnArticle(InputError):
    """A file found in a folder whose name says it is no article (a licence, a readme, code): skipped,
    not failed. `reason` says what it is."""


class StoreError(NewsledgerError):
    """The ledger database could not be opened or written."""


class UsageError(NewsledgerError):
    """A command was called with arguments that do not fit."""

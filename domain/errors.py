"""The one error every input path raises when it refuses a whole file (or rule set)."""
from __future__ import annotations


class LoadRefused(Exception):
    """The whole file is refused; nothing in the store changed."""

    def __init__(self, file: str, reason: str, line: int | None = None, column: str | None = None):
        self.file, self.reason, self.line, self.column = file, reason, line, column
        where = file
        if line is not None:
            where += f", line {line}"
        if column:
            where += f", column {column}"
        super().__init__(f"{where}: {reason}")

"""Why a store cannot be read: the app and the CLI turn these into what to run."""
from __future__ import annotations


class StoreMissing(RuntimeError):
    """No store has been built yet (run `python -m etl demo` or `python -m etl load`)."""


class SchemaMismatch(StoreMissing):
    """The store was written by another version of this code: unusable until upgraded. A kind of
    StoreMissing, so every place that copes with no store copes with this one too."""

    def __init__(self, found: str, wanted: str):
        self.found, self.wanted = found, wanted
        if int(found) < int(wanted):
            msg = (f"the store has schema version {found}, this version of the code needs {wanted}: "
                   f"run `python -m etl upgrade` (nothing is lost; it takes seconds)")
        else:
            msg = (f"the store has schema version {found}, newer than this code knows ({wanted}): "
                   f"update the code (git pull) instead of using an older version on this store")
        super().__init__(msg)

    @property
    def older(self) -> bool:
        return int(self.found) < int(self.wanted)


class StoreUnreachable(StoreMissing):
    """The database server does not answer (stopped, restarting, network). A kind of
    StoreMissing, so every page copes; pages say so and retry by themselves."""

"""Errors of an engine (where the articles are parsed), importable without the engine."""


class EngineError(Exception):
    """A one-line problem with the cluster; `status` is the exit status it deserves
    (2: usage, e.g. an unreachable scheduler, nothing touched; 3: the run failed midway, the
    output files unchanged and the cache kept for the next run)."""

    def __init__(self, message: str, status: int = 2):
        super().__init__(message)
        self.status = status

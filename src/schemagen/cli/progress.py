"""Progress on long operations: one self-rewriting line on stderr, only on a terminal.

Shown only when stderr is a terminal and the run is not ``--quiet`` (a log, a pipe or
CI never gets it), and only once the operation has lasted ``delay`` seconds (one
second: a quick build prints nothing). It never colours (``NO_COLOR`` is about
colour; the line is plain text) and erases itself when the operation ends, so
what remains on the terminal is the command's output alone.

    with Progress("plan") as progress:
        progress.step("reading the database")
        progress.count("tables", 120)     # "plan: reading the database, 120 tables (3s)"

A command of another module (``migrate apply``) uses it the same way; the api
functions take plain callables (``progress.step``, ``progress.count``), so no api
module imports the CLI.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from types import TracebackType
from typing import IO

from schemagen.cli.output import QUIET, level

DELAY = 1.0
"""Seconds an operation runs before its progress line appears."""
INTERVAL = 0.2
"""Seconds between redraws."""
_ERASE = "\r\x1b[K"


def progress_enabled(stream: IO[str]) -> bool:
    """Whether progress goes to ``stream``: a terminal, and not ``--quiet``."""
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and level() > QUIET


class Progress:
    """A progress line for one operation (a context manager; see the module docstring)."""

    def __init__(self, label: str, stream: IO[str] | None = None, delay: float | None = None):
        self.label = label
        self.stream = stream if stream is not None else sys.stderr
        self.delay = DELAY if delay is None else delay
        if "SCHEMAGEN_PROGRESS_DELAY" in os.environ:  # tests show it at once
            self.delay = float(os.environ["SCHEMAGEN_PROGRESS_DELAY"])
        self.enabled = progress_enabled(self.stream)
        self.text = ""
        self.started = time.monotonic()
        self._shown = False
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    def step(self, text: str) -> None:
        """What the operation is doing now."""
        self.text = text
        if self.enabled and self.delay <= 0:
            self._draw()

    def count(self, what: str, number: int) -> None:
        """How many ``what`` are done so far (``inspect``'s per-kind counts)."""
        self.step(f"{number} {what.replace('_', ' ')}")

    def echo(self, line: str) -> None:
        """Print a line of output (on the progress stream) without mixing it into the progress line."""
        with self._lock:
            self.stream.write((_ERASE if self._shown else "") + line + "\n")
            self.stream.flush()

    def _draw(self) -> None:
        elapsed = time.monotonic() - self.started
        line = f"{self.label}: {self.text}" if self.text else f"{self.label}…"
        with self._lock:
            self.stream.write(f"{_ERASE}{line} ({elapsed:.0f}s)")
            self.stream.flush()
            self._shown = True

    def _run(self) -> None:
        if self._stop.wait(self.delay):
            return
        while not self._stop.is_set():
            self._draw()
            self._stop.wait(INTERVAL)

    def __enter__(self) -> Progress:
        if self.enabled:
            if self.delay <= 0:
                self._draw()
            self._thread = threading.Thread(target=self._run, daemon=True)
            self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()
        if self._shown:
            with self._lock:
                self.stream.write(_ERASE)
                self.stream.flush()

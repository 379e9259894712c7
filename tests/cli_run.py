"""Run the `newsledger` command in this process, as `python -m newsledger` would run it.

Same arguments, standard input, exit code, standard output and error (bytes) as a subprocess,
without starting Python and loading the spaCy model again for every call: commands that extract
use the process's shared Extractor (Extractor.shared), which the `extractor` fixture is too.
Tests of the process boundary itself (the console script, signals, pipes, `serve`) still start
a real process.
"""

from __future__ import annotations

import subprocess
import sys

from click.testing import CliRunner

from newsledger.cli import main


def run_cli(*args, input: bytes | str | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    argv = [str(a) for a in args]
    with CliRunner().isolation(input=input, env=env) as (out, err, _):
        try:
            main(argv)
            code = 0
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
        sys.stdout.flush()  # print() output still buffered in the captured stream
        sys.stderr.flush()
        return subprocess.CompletedProcess(argv, code, out.getvalue(), err.getvalue())

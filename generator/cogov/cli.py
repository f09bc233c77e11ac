"""The command line: parse (the commands declare their arguments in ``cogov.commands``), run,
map outcomes to exit codes. No logic.

Exit codes: 0 valid (or done), 1 invalid records or failed build, 2 usage or internal error.
"""

from __future__ import annotations

import argparse
import signal
import sys
import threading
import traceback
from collections.abc import Sequence

from cogov.commands import Run, build_parser
from cogov.errors import CogovError, Terminated


def _parser() -> argparse.ArgumentParser:
    return build_parser()


def _terminate(signum: int, frame: object) -> None:
    raise Terminated


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    # SIGTERM (a cancelled CI job, a service manager) unwinds like Ctrl-C: temporary folders are
    # removed and the builder is stopped. Only the main thread may set a handler.
    in_main_thread = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGTERM, _terminate) if in_main_thread else None
    try:
        run: Run = args.run
        return run(args)
    except Terminated:
        return 128 + signal.SIGTERM
    except CogovError as exc:
        print(f"cogov: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # a bug: say so plainly, keep the traceback behind -v
        if args.verbose:
            traceback.print_exc()
        else:
            print(f"cogov: internal error: {exc!r} (run with -v for the traceback)", file=sys.stderr)
        return 2
    finally:
        if in_main_thread:
            signal.signal(signal.SIGTERM, previous)

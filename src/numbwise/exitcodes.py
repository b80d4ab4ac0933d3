"""Every exit status numbwise uses, in one place, so scripts can rely on them."""

from enum import IntEnum


class ExitCode(IntEnum):
    """Process exit codes of the `numbwise` command."""

    OK = 0
    PROBLEM = 1  # the command ran and found a problem (for example a broken knowledge base)
    BAD_INPUT = 2  # the input or the command line is wrong; nothing was written
    INTERRUPTED = 130  # the person stopped: Ctrl+C, the end of the input, or q at any question (nothing is saved)

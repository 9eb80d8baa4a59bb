"""The ``planparse`` command: a thin layer that wires pipeline stages together."""
# No ``from __future__ import annotations``: it is an import, run before a Ctrl-C could be caught.
import sys  # loaded with the interpreter: nothing to interrupt


def _interrupted_before_main(kind: type, value: BaseException, traceback: object) -> None:
    """A Ctrl-C that ends the command before ``main`` catches it (while the command's modules load,
    click's decorators run and pydantic's models are built): one line, as ``main`` says it. Python
    then ends by SIGINT, which a shell reports as 130, as it does ``main``'s exit."""
    if issubclass(kind, KeyboardInterrupt):
        sys.stderr.write("planparse: interrupted\n")
    else:
        sys.__excepthook__(kind, value, traceback)  # type: ignore[arg-type]


sys.excepthook = _interrupted_before_main

import gc  # noqa: E402  (after the hook: a Ctrl-C in any import is one line)

# The collector held off while the command's first modules load, and what they built frozen after (as
# ``_import_for_the_run`` does for each command's own): click and these live as long as the run, and the
# collector's passes over them as they loaded, 20 young and 2 older ones, were 1.4% of a warm extract.
_COLLECTING = gc.isenabled()
gc.disable()

import atexit  # noqa: E402
import contextlib  # noqa: E402
import importlib  # noqa: E402
import os  # noqa: E402
import signal  # noqa: E402
import types  # noqa: E402
from typing import Iterator  # noqa: E402

import click  # noqa: E402

from .. import __version__  # noqa: E402
from ..errors import PlanparseError, ReaderGone, one_line  # noqa: E402
from ..lifeline import Terminated, sigterm_raised  # noqa: E402
from ..names import display_repr_text, display_text, shell_word, shown_name  # noqa: E402
from .stdout import EXIT_READER_GONE, Group  # noqa: E402

gc.freeze()
if _COLLECTING:
    gc.enable()

EXIT_ERROR = 2  # click's own ClickException exits 1, which diff uses for "changed"
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as a shell reports a command stopped by Ctrl-C
EXIT_TERMINATED = 143  # 128 + SIGTERM

# The command uses no pydantic plugins; looking for them imports importlib.metadata and scans
# every installed package (a tenth of a second) at the first model. A user's setting wins.
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
if os.environ["PYDANTIC_DISABLE_PLUGINS"] in ("__all__", "1", "true"):
    # pydantic imports its plugin loader, and with it importlib.metadata (10 ms), before reading the
    # setting; with every plugin off the loader's answer is known: none.
    _NO_PLUGINS = types.ModuleType("pydantic.plugin._loader")
    _NO_PLUGINS.get_plugins = tuple  # type: ignore[attr-defined]
    sys.modules.setdefault(_NO_PLUGINS.__name__, _NO_PLUGINS)
# Each command's module, imported when the command runs: ``--version`` and ``extract`` need not load
# batch's progress display or diff's matcher.
COMMANDS = {
    "extract": "extract:extract_command",
    "explain": "explain:explain_command",
    "batch": "batch:batch_command",
    "diff": "diff:diff_command",
    "compare": "compare:compare_command",
    "report": "report:report_command",
    "schema": "schema:schema_command",
    "rules": "rules:rules_group",
}
# The commands that read documents in their own process: a document still being read past the time limit
# ends the command (batch stops the worker reading it, and goes on with the others; diff, compare and report read
# each plan to extract on a process of their own so, and standard input here).
READ_IN_PROCESS = ("extract", "explain", "diff", "compare", "report")
# The commands that extract one document and end: what they build lives until the end, and leaves next to no cyclic
# garbage (``collector``), so they run with the collector off. Its young passes over the rules and the tagger's
# tables as they were read took a warm extract of the seed plan 6 ms of CPU (five passes, 2% of the command).
ONE_DOCUMENT = ("extract", "explain")
# The commands that read the rule files only to extract: their process reads the rules' models without what only the
# checks read (examples, descriptions: ``rules check``, ``rules list`` and explain read them). Only the process a command
# starts (``command``): a library's or a test's calls of ``main`` leave what the rules read as their process has it.
EXTRACT_ONLY = ("extract", "batch", "diff", "compare", "report")


class LazyGroup(Group):
    """A group whose commands are imported on first use."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, name = COMMANDS[cmd_name].split(":")
        return getattr(_import_for_the_run(f"{__name__}.{module}"), name)


def _import_for_the_run(module: str) -> types.ModuleType:
    """``module`` imported with the collector held off, and what the import built frozen (``gc.freeze``): a
    command's modules (the pipeline, pydantic and the models) live as long as the run, and the collector's
    passes over them as they loaded were about half its work in extract (52 of 117 passes), and later
    passes of the older generations walked them again. A module imported already is left as it is."""
    if module in sys.modules:
        return sys.modules[module]
    from ..collector import paused
    from ..generated_code import keep_compiled

    with paused():
        keep_compiled()  # before the modules make their dataclasses and pydantic builds its models
        imported = importlib.import_module(module)
        gc.freeze()  # before the collector is back: its first pass would walk them all
    return imported


def _time_limit(command: str | None) -> contextlib.AbstractContextManager[None]:
    """For a command that reads documents in this process, the limit on reading one, while it runs."""
    if command not in READ_IN_PROCESS:
        return contextlib.nullcontext()
    from .. import documents, time_limit

    return time_limit.armed(documents.MAX_DOCUMENT_SECONDS, _reading_overran, _interrupted_while_reading)


@contextlib.contextmanager
def _collector(command: str | None) -> Iterator[None]:
    """For a command that extracts one document and ends, the collector held off while it runs, and what it built
    frozen before the collector comes back: the first pass after, over all of it, took longer than those it spared."""
    if command not in ONE_DOCUMENT:
        yield
        return
    from ..collector import paused

    with paused():
        try:
            yield
        finally:
            gc.freeze()


def _interrupted_while_reading(number: int) -> None:
    """A Ctrl-C or SIGTERM while a library's C code reads a document (PDFium on a page of forms in forms), which
    Python acts on only when that code returns: the command ends now, as the signal ends it (``main``),
    before any output is written."""
    stopped, code = _stopped(signal.Signals(number) == signal.SIGTERM)
    sys.stderr.write(f"planparse: {stopped}\n")
    sys.stderr.flush()
    os._exit(code)


def _stopped(terminated: bool) -> tuple[str, int]:
    """How the command says it was stopped, and its exit code."""
    return ("terminated", EXIT_TERMINATED) if terminated else ("interrupted", EXIT_INTERRUPTED)


def _reading_overran(path: str) -> None:
    """On the time limit's thread, the main one stuck in a library: one line, then the process ends at once
    (a thread's ``sys.exit`` would end the thread alone). Nothing has been written yet: outputs are written
    after the reading."""
    from ..documents import MAX_DOCUMENT_SECONDS
    from ..readers import input_name

    click.echo(f"planparse: {shown_name(input_name(path))}: reading it took more than {MAX_DOCUMENT_SECONDS:g} s, "
               "the most planparse gives one document", err=True)
    sys.stderr.flush()
    os._exit(EXIT_ERROR)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="planparse")
def cli() -> None:
    """Turn Chinese government plan documents (实施方案, 行动方案, 规划) into structured data."""


def command() -> None:
    """The console script: ``main`` (for a command that only extracts, ``EXTRACT_ONLY``, with the rule files read
    without what only the checks read), the code of the source it generated kept for the next run
    (``generated_code``), then an exit that does not walk every object the run built.

    At exit Python collects cycles over all its objects, about a tenth of a short run's time;
    frozen (``gc.freeze``), they are left to the end of the process, which frees them anyway.
    """
    ended: SystemExit | None = None
    if sys.argv[1:2] and sys.argv[1] in EXTRACT_ONLY:
        from ..rule_files import leave_out_what_checks_read

        leave_out_what_checks_read()
    try:
        main()
    except SystemExit as end:
        ended = end
        raise
    finally:
        _save_compiled()
        gc.freeze()
        if ended is not None:
            _exit_at_once(ended.code)


def _exit_at_once(code: object) -> None:
    """The process ended with ``code`` as Python ends it (the functions registered with ``atexit``: the patterns
    cache's save, multiprocessing's end of the batch's workers; standard output and error flushed), less its
    finalization (the last collection, the teardown of the modules), which frees what the end of the process frees
    anyway: 13 ms of an extract's CPU, 27 of a one-plan batch's. Python's own exit where the ending is not so plain: a
    code that is no number (printed), a thread Python would wait for, or an output that cannot be flushed (Python
    says so, and exits 120). ``atexit._run_exitfuncs`` runs and clears them as Python's exit would."""
    threading = sys.modules.get("threading")
    others = threading is not None and any(not thread.daemon for thread in threading.enumerate() if thread is not threading.main_thread())
    if not (code is None or isinstance(code, int)) or others:
        return
    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None and not stream.closed:
                stream.flush()
        except Exception:
            return
    os._exit(code or 0)


def _save_compiled() -> None:
    """The code the command compiled, kept for the next run (``--version`` imported nothing to compile)."""
    generated_code = sys.modules.get("planparse.generated_code")
    if generated_code is not None:
        generated_code.save_compiled()


def main(args: list[str] | None = None) -> None:
    """Entry point: every error becomes one line on stderr and exit code 2; Ctrl-C one line and 130, SIGTERM
    one line and 143 (each after the command kept what it finished); a reader that closed standard output
    nothing, and 141."""
    args = sys.argv[1:] if args is None else args
    try:
        sys.exit(_run(args))
    except KeyboardInterrupt as stop:
        for number in (signal.SIGINT, signal.SIGTERM):
            signal.signal(number, signal.SIG_IGN)  # a second signal must not interrupt the goodbye
        _error(*_stopped(isinstance(stop, Terminated)))
    except ReaderGone:
        sys.exit(EXIT_READER_GONE)
    except PlanparseError as exc:
        _error(str(exc))
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:  # click's own: a bad option, a FILE that is a folder...
        command = exc.ctx.command_path if exc.ctx else "planparse"
        hint = _file_taken_for_options(args) if isinstance(exc, click.NoSuchOption) else ""
        _error(f"{one_line(display_repr_text(_usage_problem(exc)))}{hint} (see {command} --help)", prefix=command)
    except click.ClickException as exc:
        _error(exc.format_message())
    except Exception as exc:  # never show a user a traceback
        if os.environ.get("PLANPARSE_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set PLANPARSE_DEBUG=1 for details)")


def _usage_problem(exc: click.UsageError) -> str:
    """click's message; for a group given no command (planparse, planparse rules), which click answers with the
    group's whole help, made one line of a thousand characters, the commands it takes."""
    group = exc.ctx.command if exc.ctx else None
    if isinstance(exc, click.exceptions.NoArgsIsHelpError) and isinstance(group, click.Group):
        return f"Missing command: {', '.join(group.list_commands(exc.ctx))}."
    return exc.format_message()


def _file_taken_for_options(args: list[str]) -> str:
    """What to do when a file's name opens with - (-plan.txt), which click reads as options (-p, then lan.txt)."""
    named = next((arg for arg in args if arg.startswith("-") and arg != "-" and os.path.exists(arg)), None)
    return f" To read the file {shell_word(named)}, give it after -- or as {shell_word('./' + named)}" if named else ""


def _run(args: list[str]) -> int:
    """What ``cli.main`` does, without its handling of Ctrl-C, which prints an empty line and exits 1."""
    command = args[0] if args else None
    with sigterm_raised(), cli.make_context("planparse", args) as ctx, _time_limit(command), _collector(command):
        result = cli.invoke(ctx)
    return result if isinstance(result, int) else 0


def _error(message: str, code: int = EXIT_ERROR, prefix: str = "planparse") -> None:
    """One line on stderr (a file name that is not UTF-8 shown byte by byte), then exit."""
    click.echo(f"{prefix}: {one_line(display_text(message))}", err=True)
    sys.exit(code)

"""planparse: Chinese government plan documents to structured data.

    >>> from planparse import extract
    >>> document = extract("samples/jieyang-2022.txt")
"""
# Nothing is imported here, not even ``from __future__`` (a module too): a Ctrl-C while an import runs
# before the CLI's own start would show a traceback (see planparse.cli).

# The one place the version is written (pyproject.toml reads it): ``planparse --version`` needs
# neither importlib.metadata nor the pipeline, each a tenth of a second to import.
__version__ = "0.1.0"

__all__ = ["extract", "__version__"]


def __getattr__(name: str) -> object:
    """``planparse.extract``, imported on first use."""
    if name == "extract":
        from .pipeline import extract

        return extract
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

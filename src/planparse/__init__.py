"""planparse: Chinese government plan documents to structured data.

    >>> from planparse import extract
    >>> document = extract("samples/jieyang-2022.txt")
"""
from importlib.metadata import PackageNotFoundError, version

from .pipeline import extract

try:
    __version__ = version("planparse")
except PackageNotFoundError:  # running from a source tree without install
    __version__ = "0+unknown"

__all__ = ["extract", "__version__"]

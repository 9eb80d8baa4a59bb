"""Loaded once by ``batch``'s fork server, so every worker forked from it starts warm.

Importing the pipeline and loading jieba's dictionary take about a second; a
worker that had to do it itself would spend that before its first document.
"""
from . import pipeline  # noqa: F401  (the import is the point)
from .indicator import warm_up

warm_up()

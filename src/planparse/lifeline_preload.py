"""Loaded first by ``batch``'s fork server: it ends with the batch and ignores Ctrl-C,
and the workers it forks inherit the second (the first is set again in each: ``batch._worker_start``)."""
from .lifeline import start_worker

start_worker()

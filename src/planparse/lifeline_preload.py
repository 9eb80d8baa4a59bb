"""Loaded first by ``batch``'s fork server: it dies with the batch and ignores Ctrl-C
(``lifeline.start_worker``, which each worker it forks runs again for itself)."""
from .lifeline import start_worker

start_worker()

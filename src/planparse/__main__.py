"""``python -m planparse``: the same entry point as the ``planparse`` command."""
from .cli import command

command()

"""`python -m termkit` runs the command line."""
from .cli import main

main()

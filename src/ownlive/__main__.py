"""`python -m ownlive` is the `ownlive` command."""

from ownlive.surfaces.cli.app import main

main()

"""``python -m storyprism`` runs the CLI."""

from storyprism.cli import main

main()

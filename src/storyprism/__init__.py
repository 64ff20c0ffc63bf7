"""storyprism: make sense of news coverage.

The library is the product; the CLI (``storyprism.cli``) and the web app (``storyprism.web``)
only call it. Start with :class:`storyprism.workspace.Workspace`.
"""

__version__ = "0.1.0"

__all__ = ["__version__"]

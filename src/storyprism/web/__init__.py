"""A small FastAPI app over a workspace: the export document as JSON and the HTML report."""

from storyprism.web.app import create_app

__all__ = ["create_app"]

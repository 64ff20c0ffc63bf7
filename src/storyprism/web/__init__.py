"""The storyprism web app: stories, story pages, copies, articles, people, adding articles, JSON API."""

from storyprism.web.app import create_app

__all__ = ["create_app"]

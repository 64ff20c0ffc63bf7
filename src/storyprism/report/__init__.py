"""storyprism report stage: HTML and Markdown reports from the JSON export document."""

from storyprism.report.html import render_html
from storyprism.report.markdown import render_markdown

__all__ = ["render_html", "render_markdown"]

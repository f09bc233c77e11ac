"""Records -> {path: Markdown} for the generated docs folder. Pure: no file access."""

from cogov.render.site import render_site

__all__ = ["render_site"]

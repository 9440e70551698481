"""Serve: the REST API and the web pages, over the same functions as the CLI."""

from laborwatch.web.app import create_app

__all__ = ["create_app"]

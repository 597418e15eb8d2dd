"""HTTP API and web UI: ``create_app(db_url, token)`` builds the FastAPI app that ``newsweave serve`` runs."""

from newsweave.api.app import create_app

__all__ = ["create_app"]

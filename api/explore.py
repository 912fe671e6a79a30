"""The /explore page: a graph explorer for people without Neo4j, served with the API.

The page and its scripts ship in the package (api/explore/) and load nothing from
elsewhere: the Content-Security-Policy below lets the browser fetch only from this server.
"""

from importlib import resources

from fastapi import FastAPI
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

ASSETS = resources.files("api") / "explore"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; connect-src 'self'; img-src 'self' data:; "
    "style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)


def add_explorer(app: FastAPI) -> None:
    """Serve the page at /explore and its files under /explore/assets/."""
    page = (ASSETS / "index.html").read_text(encoding="utf-8")

    @app.api_route("/explore", methods=["GET", "HEAD"], response_class=HTMLResponse,
                   include_in_schema=False)
    def explore() -> HTMLResponse:
        return HTMLResponse(page, headers={"Content-Security-Policy": CONTENT_SECURITY_POLICY})

    app.mount("/explore/assets", StaticFiles(packages=[("api", "explore")]), name="explore")

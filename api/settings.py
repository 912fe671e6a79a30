"""One Settings object: the only place the program reads its environment."""

from pathlib import Path

import platformdirs
from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from graph.store import GraphStore


def default_data_dir() -> Path:
    """The per-user data directory of the platform (XDG on Linux: ~/.local/share/dkg)."""
    return platformdirs.user_data_path("dkg", appauthor=False)


class Settings(BaseSettings):
    """Configuration from `DKG_*` environment variables."""

    model_config = SettingsConfigDict(env_prefix="DKG_", extra="ignore")

    data_dir: Path = Field(default_factory=default_data_dir,
                           description="Where the embedded store keeps its files.")
    neo4j_uri: str | None = Field(default=None, description="Use Neo4j instead of the "
                                  "embedded store, e.g. bolt://localhost:7687 or neo4j://...")
    neo4j_user: str = "neo4j"
    neo4j_password: str = ""
    neo4j_database: str | None = None
    api_key: str | None = Field(default=None, description="Required (header X-API-Key) by "
                                "the write endpoints when set; without it `dkg serve` keeps "
                                "them closed on any address but loopback.")
    cors_origins: list[str] = Field(default_factory=list, description="Origins browsers may "
                                    "call the API from (JSON list); none by default.")
    query_timeout: float = Field(default=10.0, gt=0, description="Seconds a read query may "
                                 "run before the store stops it (the API answers 503).")
    max_body_bytes: int = Field(default=1_000_000, gt=0, description="Largest request body "
                                "accepted (413 beyond).")
    startup_timeout: float = Field(default=60.0, gt=0, description="Seconds to wait for the "
                                   "embedded store to answer on start (it may be loading a "
                                   "large append-only file).")
    max_article_chars: int = Field(default=50_000, gt=0, description="Longest article text "
                                   "extracted; longer ones are reported and skipped (422 "
                                   "through the API).")
    extraction_timeout: float = Field(default=60.0, gt=0, description="Seconds POST /articles "
                                      "may spend extracting one article (503 beyond).")
    allowed_hosts: list[str] = Field(default_factory=list, description="Host names the API "
                                     "answers to besides the one it listens on and loopback "
                                     "(JSON list; [\"*\"] for any).")
    spacy_model: str | None = Field(default=None, description="spaCy pipeline extraction "
                                    "uses (an installed package name or path, e.g. "
                                    "en_core_web_trf); the bundled small English one by default.")
    curation_file: Path | None = Field(
        default=None, description="must-merge / must-not-merge pairs (JSON); default "
        "<data_dir>/curation.json when it exists.")

    def curation_path(self) -> Path:
        return self.curation_file or self.data_dir / "curation.json"


def open_store(settings: Settings) -> GraphStore:
    """The configured store, connected and with its schema applied.

    Neo4j when DKG_NEO4J_URI is set, the embedded FalkorDB otherwise. This factory is the
    one place that chooses; everything else talks to the GraphStore interface.
    """
    if settings.neo4j_uri:
        return open_neo4j_store(settings)
    return open_embedded_store(settings)


def open_embedded_store(settings: Settings) -> GraphStore:
    """The embedded FalkorDB under DKG_DATA_DIR, whatever DKG_NEO4J_URI says (`dkg push`
    reads it while Neo4j is the target)."""
    from graph.falkordb_store import FalkorDBStore

    return _with_schema(FalkorDBStore(settings.data_dir, read_timeout=settings.query_timeout,
                                      startup_timeout=settings.startup_timeout))


def open_neo4j_store(settings: Settings) -> GraphStore:
    """The Neo4j database DKG_NEO4J_URI names (ValueError when it is unset)."""
    if not settings.neo4j_uri:
        raise ValueError("DKG_NEO4J_URI is not set")
    from graph.neo4j_store import Neo4jStore

    return _with_schema(Neo4jStore(
        settings.neo4j_uri, user=settings.neo4j_user, password=settings.neo4j_password,
        database=settings.neo4j_database, read_timeout=settings.query_timeout,
    ))


def _with_schema(store: GraphStore) -> GraphStore:
    try:
        store.apply_schema()
    except Exception:
        store.close()
        raise
    return store

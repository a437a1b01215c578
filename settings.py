"""Configuration from the environment, read in one place.

GSB_DATA_DIR   folder for the embedded store, reject reports and staging (default ./var)
DATABASE_URL   SQLAlchemy URL; default: a DuckDB file in GSB_DATA_DIR. postgresql+psycopg://... for a server
PORT / HOST    where the dashboard listens (default 127.0.0.1:8050)
GSB_ETL_MEMORY memory cap for the ETL's DuckDB work (default 1GB)
GSB_PUBLIC_URL scheme and host the take-aways' permalinks point at (default http://HOST:PORT)
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent
DEFAULT_RULES = PROJECT_ROOT / "rules" / "gender_rules.csv"   # the rule file `etl classify` reads


@dataclass(frozen=True)
class Settings:
    data_dir: Path
    database_url: str
    host: str
    port: int
    etl_memory: str
    public_url: str = ""

    @property
    def is_duckdb(self) -> bool:
        return self.database_url.startswith("duckdb:")

    @property
    def duckdb_path(self) -> Path:
        """The store file for a duckdb:///path URL."""
        if not self.is_duckdb:
            raise ValueError("not a DuckDB store")
        raw = self.database_url.split(":///", 1)[1].split("?", 1)[0]
        return Path(raw)


def get_settings() -> Settings:
    """Read the environment each time: tests and subprocesses change it."""
    data_dir = Path(os.environ.get("GSB_DATA_DIR", PROJECT_ROOT / "var")).resolve()
    url = os.environ.get("DATABASE_URL") or f"duckdb:///{data_dir / 'store.duckdb'}"
    if url.startswith("postgres://"):
        url = "postgresql+psycopg://" + url[len("postgres://"):]
    elif url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    host = os.environ.get("HOST", "127.0.0.1")
    port = int(os.environ.get("PORT", "8050"))
    return Settings(
        data_dir=data_dir,
        database_url=url,
        host=host,
        port=port,
        etl_memory=os.environ.get("GSB_ETL_MEMORY", "1GB"),
        public_url=(os.environ.get("GSB_PUBLIC_URL") or f"http://{host}:{port}").rstrip("/"),
    )

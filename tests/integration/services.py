"""Start real servers (varnishd, nginx, gunicorn, moto) on loopback for the integration tests.

A binary that is missing skips the test with a clear message on a developer's machine, and
fails it when CI is set: .ci/run installs every one of them, so in CI a skip would hide a gap.
"""

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from django.db import connection

REPO = Path(__file__).resolve().parent.parent.parent
DEPLOY = REPO / "deploy"
SBIN = ("/usr/sbin", "/sbin", "/usr/local/sbin")


def in_ci():
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def unavailable(reason):
    """Skip locally, fail in CI (where .ci/run must have provided what is missing)."""
    if in_ci():
        pytest.fail(f"{reason} (CI=true: .ci/run must install it)")
    pytest.skip(reason)


def require_binary(name, package=None):
    """The path of a Debian binary, or skip/fail naming the apt package to install."""
    path = shutil.which(name) or next(
        (f"{d}/{name}" for d in SBIN if os.access(f"{d}/{name}", os.X_OK)), None
    )
    if path is None:
        unavailable(f"{name} is not installed: apt-get install {package or name}")
    return path


def require_postgresql():
    """Skip on SQLite with the reason: these tests run in the PostgreSQL pass of .ci/run."""
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: runs in the PostgreSQL pass (DATABASE_URL=postgres://...)")


def database_url(dbname=None):
    """A postgres:// URL for the test database's server (and that database, unless told another)."""
    params = connection.get_connection_params()
    password = f":{params['password']}" if params.get("password") else ""
    host, port = params.get("host", "127.0.0.1"), params.get("port", 5432)
    return f"postgres://{params.get('user', 'postgres')}{password}@{host}:{port}/{dbname or params['dbname']}"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port, process=None, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"process exited with {process.returncode} before listening on {port}")
        with socket.socket() as sock:
            sock.settimeout(0.5)
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise TimeoutError(f"nothing listening on 127.0.0.1:{port} after {timeout}s")


class Service:
    """One server process with its log in a temporary folder; stop() ends it and its children."""

    def __init__(self, name, argv, env=None, cwd=None):
        self.name = name
        self.argv = [str(arg) for arg in argv]
        self.env = env
        self.cwd = cwd
        self.workdir = Path(tempfile.mkdtemp(prefix=f"portal-{name}-"))
        self.log_path = self.workdir / f"{name}.log"
        self.process = None

    def start(self, wait_port=None, timeout=30):
        log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self._log = log
        self.process = subprocess.Popen(
            self.argv,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=self.env,
            cwd=self.cwd,
            start_new_session=True,
        )
        if wait_port:
            try:
                wait_for_port(wait_port, self.process, timeout)
            except Exception as error:
                self.stop()
                raise RuntimeError(f"{self.name} did not start: {error}\n{self.log()}") from error
        return self

    def log(self):
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait(timeout=5)
        if getattr(self, "_log", None):
            self._log.close()
        shutil.rmtree(self.workdir, ignore_errors=True)


def varnish(backend_port, admin_path="admin/"):
    """varnishd with deploy/varnish/portal.vcl, pointed at backend_port; returns (service, http, purge)."""
    varnishd = require_binary("varnishd", "varnish")
    http_port, purge_port = free_port(), free_port()
    service = Service("varnish", [])
    vcl = (DEPLOY / "varnish" / "portal.vcl").read_text()
    vcl = vcl.replace('.port = "8001";', f'.port = "{backend_port}";')
    vcl = vcl.replace('req.url ~ "^/admin/"', f'req.url ~ "^/{admin_path}"')
    vcl_path = service.workdir / "portal.vcl"
    vcl_path.write_text(vcl)
    service.argv = [
        varnishd, "-F", "-j", "none", "-n", str(service.workdir / "state"), "-f", str(vcl_path),
        "-a", f"http=127.0.0.1:{http_port}", "-a", f"purge=127.0.0.1:{purge_port}",
        "-s", "malloc,32m", "-p", "ban_lurker_sleep=0.01",
    ]  # fmt: skip
    service.start(wait_port=http_port)
    wait_for_port(purge_port, service.process)
    return service, http_port, purge_port


def python_module(*args):
    return [sys.executable, "-m", *args]


class ThrowawayPostgreSQL:
    """A private PostgreSQL server in a temporary folder, on a free port, for fault tests.

    PostgreSQL refuses to run as root, so as root the server runs as the ``postgres`` system
    user. The main cluster other tests use is never touched: this one can be stopped and
    started at will. ``cleanup()`` stops it and removes its files.
    """

    def __init__(self):
        bindir = next(
            (
                d
                for d in sorted(Path("/usr/lib/postgresql").glob("*/bin"), reverse=True)
                if (d / "initdb").exists()
            ),
            None,
        )
        if bindir is None:
            unavailable(
                "PostgreSQL server binaries (initdb, pg_ctl) are not installed: apt-get install postgresql"
            )
        self.initdb, self.pg_ctl = bindir / "initdb", bindir / "pg_ctl"
        self.port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix="portal-pg-"))
        self.data = self.workdir / "data"
        self.as_user = []
        if os.geteuid() == 0:
            self.as_user = [require_binary("runuser", "util-linux"), "-u", "postgres", "--"]
            shutil.chown(self.workdir, "postgres", "postgres")
        self.running = False

    def run(self, *argv, timeout=60):
        return subprocess.run(  # noqa: S603
            [*self.as_user, *map(str, argv)], check=True, capture_output=True, timeout=timeout
        )

    def init(self):
        self.run(self.initdb, "-D", self.data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync")
        return self

    def start(self):
        options = f"-p {self.port} -k {self.workdir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.run(
            self.pg_ctl,
            "-D",
            self.data,
            "-l",
            self.workdir / "server.log",
            "-w",
            "-t",
            "30",
            "-o",
            options,
            "start",
        )
        self.running = True
        return self

    def stop(self):
        self.run(self.pg_ctl, "-D", self.data, "-m", "fast", "-w", "-t", "30", "stop")
        self.running = False

    def url(self, dbname="portal"):
        return f"postgres://postgres@127.0.0.1:{self.port}/{dbname}"

    def log(self):
        try:
            return (self.workdir / "server.log").read_text(errors="replace")[-3000:]
        except OSError:
            return ""

    def cleanup(self):
        if self.running:
            with contextlib.suppress(subprocess.SubprocessError, OSError):
                self.stop()
        shutil.rmtree(self.workdir, ignore_errors=True)

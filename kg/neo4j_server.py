"""A real Neo4j Community server for tests and local use, started without Docker.

The server is the small Java launcher in ``neo4j-launcher/`` (an embedded Neo4j 5.26 LTS
``DatabaseManagementService`` with Bolt on 127.0.0.1, authentication off, a 64 MiB page cache),
built once with Maven into ``neo4j-launcher/target/`` and run with ``java -jar``. It needs Java 17 and
Maven on the PATH and nothing else: the Neo4j jars come from Maven Central.

Everything a server keeps lives in its data folder: ``data/`` and ``logs/`` of Neo4j, the
launcher's output ``launcher.log`` and, while it runs, ``neo4j-server.json`` (pid, port, uri).
One server per data folder. Connect with the ``neo4j`` driver and ``auth=None``::

    with Neo4jServer(tmp_path / "neo4j") as server:
        with GraphDatabase.driver(server.uri, auth=None) as driver:
            driver.execute_query("RETURN 1")

From a shell::

    python -m kg.neo4j_server start --data DIR [--port 7687]   # prints bolt://127.0.0.1:PORT
    python -m kg.neo4j_server status --data DIR
    python -m kg.neo4j_server stop --data DIR

Environment: ``PSMAKG_NEO4J_JAVA_OPTS`` replaces the JVM options (default
``-Xms128m -Xmx512m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError``), ``PSMAKG_NEO4J_LAUNCHER``
points at another launcher project folder, ``JAVA_HOME`` picks the JVM.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

LAUNCHER_DIR = Path(os.environ.get("PSMAKG_NEO4J_LAUNCHER", Path(__file__).resolve().parent.parent / "neo4j-launcher"))
JAR_NAME = "psmakg-neo4j-launcher.jar"
PID_FILE = "neo4j-server.json"
LOG_FILE = "launcher.log"
DEFAULT_JAVA_OPTS = ("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError")
#: The launcher's ready line, complete: Java's printf may reach the log in pieces, so a line read before its
#: end can stop inside the URI ("READY bolt://127.0.0.1" without its port).
_READY = re.compile(r"^READY (bolt://\S+)[^\n]*\n", re.MULTILINE)


class Neo4jServerError(RuntimeError):
    """The launcher could not be built, or the server did not start or stop."""


def launcher_jar(launcher_dir: Path = LAUNCHER_DIR) -> Path:
    """Return the launcher jar, building it first when it is missing or older than its sources.

    Tries ``mvn -q -o package`` (offline, from the local Maven repository) and then ``mvn -q package``;
    raises :class:`Neo4jServerError` with Maven's output when both fail.
    """
    launcher_dir = Path(launcher_dir)
    jar = launcher_dir / "target" / JAR_NAME
    if not (launcher_dir / "pom.xml").is_file():
        raise Neo4jServerError(f"no Neo4j launcher project at {launcher_dir} (pom.xml missing)")
    (launcher_dir / "target").mkdir(exist_ok=True)
    with open(launcher_dir / "target" / ".build.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # one build at a time, across processes
        if _is_current(jar, launcher_dir):
            return jar
        mvn = shutil.which("mvn")
        if mvn is None:
            raise Neo4jServerError("Maven (mvn) is not on the PATH: it builds the Neo4j launcher")
        outputs = []
        for offline in (["-o"], []):
            proc = subprocess.run(
                [mvn, "-q", "-B", *offline, "package"],
                cwd=launcher_dir,
                capture_output=True,
                text=True,
                check=False,
            )
            if proc.returncode == 0 and jar.is_file():
                jar.touch()  # newer than every source, even when Maven found nothing to do
                return jar
            command = " ".join(["mvn -q -B", *offline, "package"])
            outputs.append(f"$ {command} (exit {proc.returncode})\n{proc.stdout}{proc.stderr}")
        raise Neo4jServerError("could not build the Neo4j launcher:\n" + "\n".join(o[-4000:] for o in outputs))


def _is_current(jar: Path, launcher_dir: Path) -> bool:
    if not jar.is_file() or not (jar.parent / "lib").is_dir():
        return False
    sources = [launcher_dir / "pom.xml", *(p for p in (launcher_dir / "src").rglob("*") if p.is_file())]
    built = jar.stat().st_mtime
    return all(p.stat().st_mtime <= built for p in sources)


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _java() -> str:
    home = os.environ.get("JAVA_HOME")
    if home and (Path(home) / "bin" / "java").is_file():
        return str(Path(home) / "bin" / "java")
    java = shutil.which("java")
    if java is None:
        raise Neo4jServerError("Java (java) is not on the PATH: Neo4j needs Java 17")
    return java


def _java_opts() -> list[str]:
    opts = os.environ.get("PSMAKG_NEO4J_JAVA_OPTS")
    return shlex.split(opts) if opts is not None else list(DEFAULT_JAVA_OPTS)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    with contextlib.suppress(OSError):  # a zombie has finished: it only waits for its parent
        if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z":
            return False
    return True


def _is_launcher(pid: int, data_dir: Path) -> bool:
    """Whether ``pid`` is still a launcher serving ``data_dir`` (and not a reused pid)."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return _alive(pid)  # no /proc: trust the pid file
    return any(a.endswith(JAR_NAME.encode()) for a in args) and os.fsencode(data_dir) in args


def read_pid_file(data_dir: str | os.PathLike) -> dict | None:
    """The running server's record (pid, port, uri) for ``data_dir``, or None when none runs."""
    data_dir = Path(data_dir).resolve()
    try:
        record = json.loads((data_dir / PID_FILE).read_text())
    except (OSError, ValueError):
        return None
    if _alive(record["pid"]) and _is_launcher(record["pid"], data_dir):
        return record
    return None


def _signal_and_wait(pid: int, timeout: float) -> bool:
    """SIGTERM ``pid`` (not our child), SIGKILL it after ``timeout``; True when it stopped in time."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not _alive(pid):
            return True
        time.sleep(0.1)
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    return False


def stop_data_dir(data_dir: str | os.PathLike, timeout: float = 60.0) -> bool:
    """Stop the server that serves ``data_dir`` by its pid file; False when none was running."""
    data_dir = Path(data_dir).resolve()
    record = read_pid_file(data_dir)
    if record is None:
        (data_dir / PID_FILE).unlink(missing_ok=True)
        return False
    clean = _signal_and_wait(record["pid"], timeout)
    (data_dir / PID_FILE).unlink(missing_ok=True)
    if not clean:
        raise Neo4jServerError(f"Neo4j (pid {record['pid']}) did not stop within {timeout:.0f} s and was killed")
    return True


class Neo4jServer:
    """A Neo4j server over Bolt on ``127.0.0.1:port``, its data in ``data_dir``; a context manager.

    ``port=None`` picks a free port. :meth:`start` builds the launcher when needed and returns once
    Bolt accepts connections (``startup_timeout`` seconds at most); :attr:`uri` is then the Bolt URI.
    :meth:`stop` sends SIGTERM and waits for Neo4j's clean shutdown.
    """

    def __init__(
        self,
        data_dir: str | os.PathLike,
        port: int | None = None,
        *,
        host: str = "127.0.0.1",
        pagecache: str = "64m",
        java_opts: list[str] | None = None,
        startup_timeout: float = 120.0,
        stop_timeout: float = 60.0,
    ) -> None:
        self.data_dir = Path(data_dir).resolve()
        self.host = host
        self.port = port
        self.pagecache = pagecache
        self.java_opts = list(java_opts) if java_opts is not None else _java_opts()
        self.startup_timeout = startup_timeout
        self.stop_timeout = stop_timeout
        self.uri: str | None = None
        self.startup_seconds: float | None = None
        self._proc: subprocess.Popen | None = None

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    @property
    def log_path(self) -> Path:
        return self.data_dir / LOG_FILE

    def is_running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def start(self, *, detach: bool = False) -> Neo4jServer:
        """Start the server; ``detach=True`` lets it outlive this Python process (stop it by pid file)."""
        if self.is_running():
            return self
        self.data_dir.mkdir(parents=True, exist_ok=True)
        running = read_pid_file(self.data_dir)
        if running is not None:
            raise Neo4jServerError(f"a Neo4j server (pid {running['pid']}) already serves {self.data_dir}")
        jar = launcher_jar()
        java = _java()
        pick_port = self.port is None
        for attempt in range(3):
            port = free_port(self.host) if pick_port else self.port
            try:
                self._launch(java, jar, port, detach)
                return self
            except Neo4jServerError as exc:
                # another process may have taken the port we picked between our check and Neo4j's bind
                if not (pick_port and attempt < 2 and "already in use" in str(exc).lower()):
                    raise
        raise AssertionError("unreachable")

    def _launch(self, java: str, jar: Path, port: int, detach: bool) -> None:
        cmd = [java, *self.java_opts, "-jar", str(jar), "--data", str(self.data_dir)]
        cmd += ["--host", self.host, "--port", str(port), "--pagecache", self.pagecache]
        started = time.monotonic()
        with open(self.log_path, "w") as log:
            self._proc = subprocess.Popen(
                cmd, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT, start_new_session=detach
            )
        self.port = port
        deadline = started + self.startup_timeout
        while True:
            text = self.log_path.read_text(errors="replace")
            match = _READY.search(text)
            if match:
                self.uri = match.group(1)
                self.startup_seconds = time.monotonic() - started
                record = {"pid": self._proc.pid, "port": port, "uri": self.uri}
                (self.data_dir / PID_FILE).write_text(json.dumps(record) + "\n")
                return
            if self._proc.poll() is not None:
                code = self._proc.returncode
                self._proc = None
                raise Neo4jServerError(f"Neo4j exited with code {code} before it was ready:\n{text[-4000:]}")
            if time.monotonic() > deadline:
                self._terminate()
                raise Neo4jServerError(f"Neo4j was not ready within {self.startup_timeout:.0f} s:\n{text[-4000:]}")
            time.sleep(0.1)

    def _terminate(self) -> int | None:
        proc, self._proc = self._proc, None
        if proc is None:
            return None
        if proc.poll() is None:
            proc.send_signal(signal.SIGTERM)
            try:
                return proc.wait(self.stop_timeout)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
                raise Neo4jServerError(
                    f"Neo4j (pid {proc.pid}) did not stop within {self.stop_timeout:.0f} s and was killed"
                ) from None
        return proc.returncode

    def stop(self) -> None:
        """Stop the server (SIGTERM, clean shutdown) and wait for it; does nothing when it is not running."""
        try:
            self._terminate()
        finally:
            (self.data_dir / PID_FILE).unlink(missing_ok=True)

    def __enter__(self) -> Neo4jServer:
        return self.start()

    def __exit__(self, *exc_info) -> None:
        self.stop()

    def __repr__(self) -> str:
        return f"Neo4jServer({str(self.data_dir)!r}, uri={self.uri!r}, pid={self.pid})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m kg.neo4j_server", description="Run a local Neo4j server.")
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", help="start a server in the background and print its Bolt URI")
    start.add_argument("--data", required=True, type=Path, help="the server's folder (data, logs, pid file)")
    start.add_argument("--port", type=int, default=None, help="Bolt port (default: a free one)")
    start.add_argument("--pagecache", default="64m", help="page cache size (default: 64m)")
    start.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for READY (default: 120)")
    stop = commands.add_parser("stop", help="stop the server of a data folder")
    stop.add_argument("--data", required=True, type=Path)
    stop.add_argument("--timeout", type=float, default=60.0)
    status = commands.add_parser("status", help="print the Bolt URI of the running server, exit 1 if none")
    status.add_argument("--data", required=True, type=Path)
    commands.add_parser("build", help="build the launcher jar (when missing or out of date) and print its path")
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            server = Neo4jServer(args.data, args.port, pagecache=args.pagecache, startup_timeout=args.timeout)
            server.start(detach=True)
            print(server.uri)
        elif args.command == "stop":
            if not stop_data_dir(args.data, args.timeout):
                print(f"no Neo4j server runs for {args.data}", file=sys.stderr)
        elif args.command == "status":
            record = read_pid_file(args.data)
            if record is None:
                print(f"no Neo4j server runs for {args.data}", file=sys.stderr)
                return 1
            print(f"{record['uri']} pid {record['pid']}")
        else:
            print(launcher_jar())
    except Neo4jServerError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

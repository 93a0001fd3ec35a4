import json
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from neo4j import GraphDatabase

from kg.neo4j_server import _READY, PID_FILE, Neo4jServer, Neo4jServerError, read_pid_file


def _accepts(host: str, port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(1)
        return sock.connect_ex((host, port)) == 0


def test_session_server_answers_cypher_over_bolt(neo4j_server):
    assert neo4j_server.is_running()
    assert neo4j_server.uri == f"bolt://127.0.0.1:{neo4j_server.port}"
    with GraphDatabase.driver(neo4j_server.uri, auth=None) as driver:
        driver.verify_connectivity()
        driver.execute_query("CREATE (n:Probe {x: 1})")
        records, _, _ = driver.execute_query("MATCH (n:Probe) RETURN count(n) AS n")
        assert records[0]["n"] == 1
        records, _, _ = driver.execute_query("CALL dbms.components() YIELD versions, edition RETURN *")
        assert records[0]["edition"] == "community"
        assert records[0]["versions"][0].startswith("5.26.")
        driver.execute_query("MATCH (n:Probe) DELETE n")
    record = read_pid_file(neo4j_server.data_dir)
    assert record == {"pid": neo4j_server.pid, "port": neo4j_server.port, "uri": neo4j_server.uri}


def test_a_second_server_stops_cleanly(neo4j_server, tmp_path):
    # a second server beside the session's: its own folder and free port
    data = tmp_path / "neo4j"
    with Neo4jServer(data) as server:
        assert server.port != neo4j_server.port
        with GraphDatabase.driver(server.uri, auth=None) as driver:
            driver.execute_query("CREATE (n:Probe {x: 2})")
        with pytest.raises(Neo4jServerError, match="already serves"):
            Neo4jServer(data).start()
        proc, host, port = server._proc, server.host, server.port
    assert proc.returncode == 0
    assert not server.is_running()
    assert not (data / PID_FILE).exists()
    assert not _accepts(host, port)
    log = server.log_path.read_text()
    assert "STOPPED" in log
    assert "Shutdown started" in (data / "logs" / "debug.log").read_text()


def test_cli_start_status_stop(tmp_path):
    data = tmp_path / "cli"
    run = [sys.executable, "-m", "kg.neo4j_server"]
    cwd = Path(__file__).resolve().parents[2]
    started = subprocess.run([*run, "start", "--data", str(data)], cwd=cwd, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    uri = started.stdout.strip()
    try:
        assert uri.startswith("bolt://127.0.0.1:")
        record = json.loads((data / PID_FILE).read_text())
        assert record["uri"] == uri
        with GraphDatabase.driver(uri, auth=None) as driver:
            records, _, _ = driver.execute_query("RETURN 41 + 1 AS answer")
            assert records[0]["answer"] == 42
        status = subprocess.run([*run, "status", "--data", str(data)], cwd=cwd, capture_output=True, text=True)
        assert status.returncode == 0 and status.stdout.startswith(uri)
    finally:
        stopped = subprocess.run([*run, "stop", "--data", str(data)], cwd=cwd, capture_output=True, text=True)
    assert stopped.returncode == 0, stopped.stderr
    assert read_pid_file(data) is None
    assert not _accepts("127.0.0.1", record["port"])
    status = subprocess.run([*run, "status", "--data", str(data)], cwd=cwd, capture_output=True, text=True)
    assert status.returncode == 1


def test_a_ready_line_read_before_its_end_is_not_taken_as_the_uri():
    # Java's printf reaches the launcher log in pieces: a poll between them saw "READY bolt://127.0.0.1".
    assert _READY.search("starting\nREADY bolt://127.0.0.1") is None
    line = "starting\nREADY bolt://127.0.0.1:7687 (neo4j 5.26.0, 8123 ms)\n"
    assert _READY.search(line).group(1) == "bolt://127.0.0.1:7687"

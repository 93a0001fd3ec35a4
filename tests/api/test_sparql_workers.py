"""The SPARQL worker pool as the event loop uses it: queries wait for a worker and for a write, never in vain."""

import asyncio
import json
import threading
import time

import pytest

from api.sparql_workers import QueryTimeout, SparqlWorkers, WorkersBusy

COUNT_PUBLICATIONS = "SELECT (COUNT(?p) AS ?n) WHERE { ?p a <https://w3id.org/psma-kg/ontology#Publication> }"
RUNAWAY = "SELECT ?a (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } GROUP BY ?a ORDER BY DESC(?n) LIMIT 1"


def publications(answer) -> int:
    assert answer.status == 200, answer.detail
    return int(json.loads(answer.body)["results"]["bindings"][0]["n"]["value"])


async def _with_workers(path, size, scenario):
    workers = SparqlWorkers(path, size)
    workers.start()
    try:
        return await scenario(workers)
    finally:
        workers.close()


def test_more_queries_than_workers_are_all_answered(demo_store):
    async def scenario(workers):
        return await asyncio.gather(
            *(workers.query(COUNT_PUBLICATIONS, "", max_rows=10, timeout_s=30) for _ in range(12))
        )

    answers = asyncio.run(_with_workers(demo_store.path, 1, scenario))
    assert len({publications(answer) for answer in answers}) == 1 and publications(answers[0]) > 0


def test_a_query_waits_for_a_write_under_way(demo_store):
    async def scenario(workers):
        inside, release = threading.Event(), threading.Event()

        def write():
            with workers.writing():
                inside.set()
                release.wait(10)

        writer = threading.Thread(target=write)
        writer.start()
        await asyncio.to_thread(inside.wait, 10)
        query = asyncio.create_task(workers.query(COUNT_PUBLICATIONS, "", max_rows=10, timeout_s=10))
        await asyncio.sleep(0.5)
        held_back = not query.done()
        release.set()
        answer = await query
        await asyncio.to_thread(writer.join, 10)
        return held_back, answer

    held_back, answer = asyncio.run(_with_workers(demo_store.path, 1, scenario))
    assert held_back
    assert publications(answer) > 0


def test_a_query_that_finds_no_free_worker_in_time_is_told_so_and_the_pool_recovers(demo_store):
    async def scenario(workers):
        runaway = asyncio.create_task(workers.query(RUNAWAY, "", max_rows=10, timeout_s=2))
        await asyncio.sleep(0.3)
        started = time.perf_counter()
        with pytest.raises(WorkersBusy):
            await workers.query(COUNT_PUBLICATIONS, "", max_rows=10, timeout_s=0.5)
        waited = time.perf_counter() - started
        with pytest.raises(QueryTimeout):
            await runaway
        after = await workers.query(COUNT_PUBLICATIONS, "", max_rows=10, timeout_s=30)  # the replacement answers
        return waited, after

    waited, after = asyncio.run(_with_workers(demo_store.path, 1, scenario))
    assert 0.4 < waited < 1.5
    assert publications(after) > 0


def test_a_cancelled_query_leaves_the_pool_whole(demo_store):
    async def scenario(workers):
        runaway = asyncio.create_task(workers.query(RUNAWAY, "", max_rows=10, timeout_s=1.5))
        await asyncio.sleep(0.2)
        waiting = asyncio.create_task(workers.query(COUNT_PUBLICATIONS, "", max_rows=10, timeout_s=10))
        await asyncio.sleep(0.2)
        waiting.cancel()  # the client went away while its query waited for the busy worker
        with pytest.raises(QueryTimeout):
            await runaway
        answers = await asyncio.gather(
            *(workers.query(COUNT_PUBLICATIONS, "", max_rows=10, timeout_s=30) for _ in range(3))
        )
        return waiting.cancelled(), answers

    cancelled, answers = asyncio.run(_with_workers(demo_store.path, 1, scenario))
    assert cancelled
    assert all(publications(answer) > 0 for answer in answers)

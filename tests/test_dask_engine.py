"""The Dask engine (pipeline.batch.dask_engine) against the local runner, on a LocalCluster of
two worker processes shared by the module: same bytes, worker loss, incremental reruns,
an unreachable scheduler."""
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("distributed")

from pipeline.batch.dask_engine import DaskEngine, start_local_cluster  # noqa: E402
from pipeline.batch.runner import MANIFEST, run_batch  # noqa: E402
from pipeline.rules import load_rules  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds" / "articles"
DEV = Path(__file__).resolve().parents[2] / "shared" / "dev" / "gold-dev.jsonl"
FILES = ("documents.jsonl", "entities.jsonl", "events.jsonl", "errors.jsonl", MANIFEST)

pytestmark = pytest.mark.dask


def snapshot(out: Path, files=FILES) -> dict[str, bytes]:
    return {f: (out / f).read_bytes() for f in files}


@pytest.fixture(scope="module")
def cluster():
    c = start_local_cluster(2)
    yield c
    c.close()


@pytest.fixture(scope="module")
def client(cluster):
    from distributed import Client
    with Client(cluster, set_as_default=False) as c:
        yield c


@pytest.fixture(scope="module")
def local_seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("local-seeds")
    run_batch([SEEDS], out, load_rules(), workers=1)
    return out


def dask_run(cluster, inputs, out, progress=None, **kw):
    return run_batch(inputs, out, load_rules(), progress=progress,
                     engine=DaskEngine(cluster.scheduler_address, **kw))


@pytest.mark.model
def test_seeds_identical_to_local(cluster, local_seeds, tmp_path):
    summary, _ = dask_run(cluster, [SEEDS], tmp_path / "dask")
    assert (summary.processed, summary.reused) == (5, 0)
    assert snapshot(tmp_path / "dask") == snapshot(local_seeds)


@pytest.mark.model
def test_dev_set_identical_to_local(cluster, tmp_path):
    if not DEV.is_file():
        pytest.skip(f"no dev set at {DEV} (the shared folder beside the checkout)")
    run_batch([DEV], tmp_path / "local", load_rules(), workers=1)
    summary, _ = dask_run(cluster, [DEV], tmp_path / "dask", partition=3)    # partitions too
    assert summary.processed > 0
    assert snapshot(tmp_path / "dask") == snapshot(tmp_path / "local")


@pytest.mark.model
def test_incremental_rerun_through_the_engine(cluster, local_seeds, tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    src.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for f in seeds[:3]:
        shutil.copy(f, src)
    first, _ = dask_run(cluster, [src], out)
    assert (first.processed, first.reused) == (3, 0)
    for f in seeds[3:]:                                   # two new articles
        shutil.copy(f, src)
    second, _ = dask_run(cluster, [src], out)
    assert (second.processed, second.reused) == (2, 3)
    # the records of the whole folder are the local run's (paths aside, which differ)
    assert snapshot(out, FILES[1:3]) == snapshot(local_seeds, FILES[1:3])
    before = snapshot(out)
    third, _ = run_batch([src], out, load_rules(), workers=1)   # the local runner shares the cache
    assert (third.processed, third.reused) == (0, 5)
    assert snapshot(out) == before


@pytest.mark.model
def test_worker_killed_mid_run(cluster, client, local_seeds, tmp_path):
    killed = []

    def kill_a_busy_worker(entry):
        if killed:
            return
        busy = [addr for addr, keys in client.processing().items() if keys]
        assert busy, "no task running after the first result: nothing to kill"
        pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
        os.kill(pid, signal.SIGKILL)
        killed.append(pid)

    summary, _ = dask_run(cluster, [SEEDS], tmp_path / "dask", progress=kill_a_busy_worker)
    assert killed and summary.processed == 5
    assert snapshot(tmp_path / "dask") == snapshot(local_seeds)
    client.wait_for_workers(2, timeout=120)                 # the nanny restarted it
    assert killed[0] not in client.run(os.getpid).values()


def test_unreachable_scheduler_is_one_line_and_usage_status(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(SEEDS), "--out", str(tmp_path / "out"),
         "--engine", "dask", "--scheduler", "tcp://127.0.0.1:1", "--connect-timeout", "2"],
        cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: cannot reach the Dask scheduler at tcp://127.0.0.1:1")
    assert not (tmp_path / "out" / "entities.jsonl").exists()


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", str(SEEDS), "--out", str(tmp_path / "out"),
         "--scheduler", "tcp://127.0.0.1:1"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.strip() == "error: --scheduler needs --engine dask"

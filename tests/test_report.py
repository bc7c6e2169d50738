"""The HTML report: self-contained, deterministic, and clean when opened in headless Chromium."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.exports.report import headless

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "outputs"


def seed_group_ids() -> list[str]:
    events = map(json.loads, (SEEDS / "events.jsonl").read_text(encoding="utf-8").splitlines())
    return sorted({f"{e['doc_id']}:{e.get('group') or e['id']}" for e in events})


def report(out: Path) -> Path:
    done = subprocess.run([sys.executable, "-m", "pipeline", "report", str(SEEDS), "--html", str(out)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return out


@pytest.fixture(scope="module")
def seed_report(tmp_path_factory) -> Path:
    return report(tmp_path_factory.mktemp("report") / "report.html")


def test_report_is_self_contained(seed_report):
    html = seed_report.read_text(encoding="utf-8")
    assert '<meta charset="utf-8">' in html
    # nothing loaded from elsewhere: no external script, stylesheet, image or frame sources
    assert not re.search(r'<(script|img|iframe)[^>]+src=|<link[^>]+href=', html)
    assert "Plotly.newPlot" in html and 'class="entities"' in html


def test_report_lists_every_group_and_article(seed_report):
    html = seed_report.read_text(encoding="utf-8")
    for gid in seed_group_ids():
        assert f'data-id="{gid}"' in html
    for line in (SEEDS / "documents.jsonl").read_text(encoding="utf-8").splitlines():
        assert f'id="doc-{json.loads(line)["doc_id"]}"' in html


def test_report_rerun_is_byte_identical(seed_report, tmp_path):
    assert report(tmp_path / "again.html").read_bytes() == seed_report.read_bytes()


def test_report_without_texts_still_lists_events(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    for name in ("documents.jsonl", "entities.jsonl", "events.jsonl"):
        text = (SEEDS / name).read_text(encoding="utf-8").replace('"path": "seeds/', '"path": "gone/')
        (run / name).write_text(text, encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pipeline", "report", str(run)], cwd=ROOT,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    html = (run / "report.html").read_text(encoding="utf-8")
    assert "text not found" in html and all(f'data-id="{g}"' in html for g in seed_group_ids())


@pytest.mark.browser
@pytest.mark.skipif(headless.chromium_path() is None,
                    reason="chromium is not installed (.ci/run installs Debian's chromium package)")
def test_report_in_headless_chromium(seed_report):
    page = headless.open_page(seed_report)
    assert page.console_errors == []
    assert page.network_requests() == []
    assert sorted(page.group_ids) == seed_group_ids()
    assert page.plots == 2
    assert page.screenshot.startswith(b"\x89PNG") and headless.png_distinct_bytes(page.screenshot) > 16

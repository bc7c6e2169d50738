"""Open a report in headless Chromium through the DevTools protocol and report what happened.

Used by tests/test_report.py (console errors, network requests, group ids on the page, a
screenshot) and to take the README's screenshot:

    python -m pipeline.exports.report.headless outputs/report.html outputs/report.png

Needs Debian's `chromium` on PATH and `websocket-client` (a test dependency).
"""
from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass, field
from pathlib import Path

LOCAL_SCHEMES = ("file:", "data:", "blob:", "about:")


@dataclass
class PageReport:
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)      # every URL the page asked for
    group_ids: list[str] = field(default_factory=list)      # data-id of the event table's rows
    plots: int = 0                                          # rendered Plotly charts
    screenshot: bytes = b""

    def network_requests(self) -> list[str]:
        return [u for u in self.requests if not u.startswith(LOCAL_SCHEMES)]


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


class _Session:
    """A minimal DevTools client: numbered commands, events collected while waiting."""

    def __init__(self, ws_url: str):
        import websocket  # websocket-client
        self.ws = websocket.create_connection(ws_url, timeout=60, suppress_origin=True)
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, params: dict | None = None, session: str | None = None) -> dict:
        self.next_id += 1
        msg = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        while True:
            reply = json.loads(self.ws.recv())
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)

    def wait_for(self, method: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not any(e.get("method") == method for e in self.events):
            if time.monotonic() > deadline:
                raise TimeoutError(f"no {method} within {timeout} s")
            self.ws.settimeout(max(deadline - time.monotonic(), 0.1))
            self.events.append(json.loads(self.ws.recv()))

    def drain(self, seconds: float) -> None:
        """Collect events for a while (charts draw after the load event)."""
        import websocket
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            self.ws.settimeout(max(deadline - time.monotonic(), 0.05))
            try:
                self.events.append(json.loads(self.ws.recv()))
            except websocket.WebSocketTimeoutException:
                break


def _launch(binary: str, profile: str) -> tuple[subprocess.Popen, str]:
    proc = subprocess.Popen(
        [binary, "--headless", "--disable-gpu", "--no-sandbox", "--no-first-run",
         "--remote-debugging-port=0", f"--user-data-dir={profile}", "--hide-scrollbars", "about:blank"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    for line in proc.stderr:
        if "DevTools listening on" in line:
            return proc, line.split("DevTools listening on", 1)[1].strip()
        if time.monotonic() > deadline:
            break
    proc.kill()
    raise RuntimeError("chromium did not start its DevTools endpoint")


def _console_errors(events: list[dict]) -> list[str]:
    out = []
    for e in events:
        method, params = e.get("method"), e.get("params", {})
        if method == "Runtime.consoleAPICalled" and params.get("type") in ("error", "assert"):
            out.append(" ".join(str(a.get("value", a.get("description", ""))) for a in params.get("args", [])))
        elif method == "Runtime.exceptionThrown":
            out.append(params.get("exceptionDetails", {}).get("text", "exception"))
        elif method == "Log.entryAdded" and params.get("entry", {}).get("level") == "error":
            out.append(params["entry"].get("text", ""))
    return out


PROBE = """JSON.stringify({ids: Array.from(document.querySelectorAll('#event-table tbody tr'))
  .map(function (tr) { return tr.dataset.id; }),
  plots: document.querySelectorAll('.js-plotly-plot').length})"""


def open_page(html: Path, width: int = 1400, height: int = 2600, settle: float = 2.0) -> PageReport:
    binary = chromium_path()
    if not binary:
        raise RuntimeError("chromium is not on PATH")
    # Chromium's helper processes can still be writing the profile when the browser is killed:
    # a leftover temporary folder must not fail a screenshot that was taken
    with tempfile.TemporaryDirectory(ignore_cleanup_errors=True) as profile:
        proc, ws_url = _launch(binary, profile)
        try:
            return _visit(_Session(ws_url), Path(html).resolve().as_uri(), width, height, settle)
        finally:
            proc.kill()
            proc.wait()


def _visit(cdp: _Session, url: str, width: int, height: int, settle: float) -> PageReport:
    target = cdp.send("Target.createTarget", {"url": "about:blank"})["targetId"]
    sid = cdp.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
    for domain in ("Runtime", "Log", "Network", "Page"):
        cdp.send(f"{domain}.enable", session=sid)
    cdp.send("Emulation.setDeviceMetricsOverride",
             {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=sid)
    cdp.events.clear()
    cdp.send("Page.navigate", {"url": url}, session=sid)
    cdp.wait_for("Page.loadEventFired", timeout=60)
    cdp.drain(settle)
    probe = json.loads(cdp.send("Runtime.evaluate", {"expression": PROBE, "returnByValue": True},
                                session=sid)["result"]["value"])
    shot = cdp.send("Page.captureScreenshot", {"format": "png"}, session=sid)["data"]
    return PageReport(
        console_errors=_console_errors(cdp.events),
        requests=[e["params"]["request"]["url"] for e in cdp.events
                  if e.get("method") == "Network.requestWillBeSent"],
        group_ids=probe["ids"], plots=probe["plots"], screenshot=base64.b64decode(shot))


def png_distinct_bytes(png: bytes) -> int:
    """How many distinct byte values the decoded image data holds: 1–2 for a blank page."""
    pos, data = 8, b""
    while pos < len(png):
        length = int.from_bytes(png[pos:pos + 4], "big")
        kind = png[pos + 4:pos + 8]
        if kind == b"IDAT":
            data += png[pos + 8:pos + 8 + length]
        pos += 12 + length
    return len(set(zlib.decompress(data))) if data else 0


def main(argv: list[str]) -> int:
    report = open_page(Path(argv[1]))
    Path(argv[2]).write_bytes(report.screenshot)
    print(f"{len(report.group_ids)} groups, {report.plots} charts, {len(report.console_errors)} console errors, "
          f"{len(report.network_requests())} network requests → {argv[2]}")
    for line in report.console_errors + report.network_requests():
        print("  ", line)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

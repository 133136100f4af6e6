"""``essplanner post list --json`` of 20,000 posts against a plain sqlite3 dump (issue 18).

The same ten-year, 20,000-post workspace as the calendar benchmark. Measured: the
whole command in a fresh process (start, read, JSON out), against a fresh process
that reads the same posts, targets, attempts, tags and media with the standard
library's sqlite3 and prints the same JSON (``python -m bench.post_list plain DIR``).
Both outputs are compared before timing: the baseline does the same work. Goal: at
most 5 times the plain read.
"""

from __future__ import annotations

import json
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import Result

ROOT = Path(__file__).resolve().parents[1]
RUNS = 5


def _iso(value: str | None) -> str | None:
    # stored as naive UTC "YYYY-MM-DD HH:MM:SS[.ffffff]"; shown as the CLI does
    # (isoformat: the fraction only when there is one)
    if not value:
        return None
    shown = value.replace(" ", "T")
    if shown.endswith(".000000"):
        shown = shown[:-7]
    return shown + "Z"


def plain(data_dir: str) -> None:
    """Read the posts with sqlite3 and print them as ``post list --json`` does."""
    db = sqlite3.connect(str(Path(data_dir) / "essplanner.sqlite3"))
    names = {
        table: dict(db.execute(f"SELECT id, name FROM {table}"))
        for table in ("persona", "objective", "account")
    }
    platforms = dict(db.execute("SELECT id, platform FROM account"))
    posts: dict[int, dict[str, Any]] = {}
    for (post_id, title, body, link, cta, tags, lang, when, state, version) in db.execute(
            "SELECT id, title, body, link_url, call_to_action, hashtags, language, "
            "scheduled_at, editorial_state, version FROM post ORDER BY scheduled_at, id"):
        posts[post_id] = {
            "id": post_id, "title": title, "text": body, "link": link, "call_to_action": cta,
            "hashtags": json.loads(tags or "[]"), "language": lang,
            "scheduled_at": _iso(when), "personas": [], "objectives": [], "state": state,
            "status": "", "version": version, "media": [], "targets": [],
            "comments": [], "history": []}
    for table, key in (("persona", "personas"), ("objective", "objectives")):
        for post_id, other in db.execute(
                f"SELECT x.post_id, x.{table}_id FROM post_{table} x "
                f"JOIN {table} o ON o.id = x.{table}_id ORDER BY x.post_id, o.name"):
            posts[post_id][key].append(names[table][other])
    for post_id, name, alt, mime, checksum in db.execute(
            "SELECT post_id, original_name, alt_text, mime_type, checksum FROM media "
            "ORDER BY post_id, position"):
        posts[post_id]["media"].append(
            {"file": name, "alt": alt, "type": mime, "checksum": checksum})
    attempts: dict[int, list[dict[str, Any]]] = {}
    for target_id, at, http, ms, outcome, error in db.execute(
            "SELECT target_id, started_at, http_status, duration_ms, outcome, error "
            "FROM publish_attempt ORDER BY target_id, id"):
        attempts.setdefault(target_id, []).append(
            {"at": _iso(at), "http_status": http, "duration_ms": ms, "outcome": outcome,
             "error": error})
    for (target_id, post_id, account_id, state, next_at, remote_id, remote_url, published,
         count, error) in db.execute(
            "SELECT id, post_id, account_id, state, next_attempt_at, remote_id, remote_url, "
            "published_at, attempt_count, last_error FROM target ORDER BY post_id, id"):
        posts[post_id]["targets"].append({
            "id": target_id, "account": names["account"][account_id],
            "platform": platforms[account_id], "state": state,
            "next_attempt_at": _iso(next_at), "remote_id": remote_id,
            "remote_url": remote_url, "published_at": _iso(published),
            "attempts": attempts.get(target_id, []), "attempt_count": count,
            "last_error": error})
    for post_id, comment_id, author, at, body, mentions in db.execute(
            "SELECT post_id, id, author_name, created_at, body, mentions FROM post_comment "
            "ORDER BY created_at, id"):
        posts[post_id]["comments"].append({"id": comment_id, "author": author, "at": _iso(at),
                                           "text": body, "mentions": json.loads(mentions)})
    for post_id, at, who, what, detail in db.execute(
            "SELECT post_id, at, actor_name, kind, detail FROM post_history ORDER BY at, id"):
        posts[post_id]["history"].append({"at": _iso(at), "who": who, "what": what,
                                          "detail": detail})
    print(json.dumps(list(posts.values()), ensure_ascii=False, indent=2))


def _timed(command: list[str]) -> tuple[float, bytes]:
    start = time.perf_counter()
    out = subprocess.run(command, cwd=ROOT, capture_output=True, check=True, timeout=600,
                         env=_env()).stdout
    return time.perf_counter() - start, out


def _env() -> dict[str, str]:
    import os

    env = dict(os.environ, PYTHONPATH=str(ROOT))
    env.pop("ESSPLANNER_DATABASE_URL", None)
    env.pop("ESSPLANNER_DATA_DIR", None)
    return env


def _shape(output: bytes) -> list[Any]:
    """The JSON without what the plain read does not compute (the overall status)."""
    items = json.loads(output)
    for item in items:
        item["status"] = ""
    return list(items)


def _discuss(data_dir: Path, *, every: int) -> None:
    """A comment on every ``every``-th post (its history says so too): the JSON carries
    each post's discussion, and both sides must read it."""
    from essplanner.credentials import MemoryStore
    from essplanner.settings import Paths
    from essplanner.workspace import Workspace

    ws = Workspace.open(paths=Paths.resolve(data_dir), secrets=MemoryStore())
    try:
        for post_id in range(1, 20_001, every):
            ws.reviews.add_comment(post_id, "Relu : d'accord pour moi.")
    finally:
        ws.close()


def run() -> list[Result]:
    from bench.ui_calendar_data import build

    with tempfile.TemporaryDirectory(prefix="essplanner-bench-") as tmp:
        dense = build(Path(tmp) / "dense", posts=20_000, spread_days=3650)
        _discuss(dense, every=100)
        app = [sys.executable, "-m", "essplanner", "--data-dir", str(dense), "post", "list",
               "--json"]
        base = [sys.executable, "-m", "bench.post_list", "plain", str(dense)]
        _t, app_out = _timed(app)  # also warms the OS file cache
        _t, base_out = _timed(base)
        same = _shape(app_out) == _shape(base_out)
        app_times, base_times = [], []
        for _ in range(RUNS):
            base_times.append(_timed(base)[0])
            app_times.append(_timed(app)[0])
    return [Result(
        "post list --json, 20,000 posts / plain sqlite3 read dumped to JSON",
        statistics.median(app_times), statistics.median(base_times), goal="ratio <= 5",
        note=f"median of {RUNS} runs each, fresh processes; "
             f"{len(json.loads(app_out))} posts; same JSON: {'yes' if same else 'NO'}")]


if __name__ == "__main__":
    if sys.argv[1] == "plain":
        plain(sys.argv[2])

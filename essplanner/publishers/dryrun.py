"""The ``dryrun`` platform: records what would have been sent, sends nothing.

For trying the tool before connecting real accounts. Each "publication" is one
JSON line in ``<data dir>/publishers/dryrun/<account id>.jsonl``. An account
setting ``mimic`` (e.g. ``"bluesky"``) makes the core validate and display posts
with that platform's rules, so the editor's counters behave as they will for real.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, ClassVar

from essplanner.publishers.base import (
    AccountCheck,
    BasePublisher,
    PublisherContext,
    PublishRequest,
    Receipt,
)
from essplanner.publishers.i18n import tr
from essplanner.publishers.rules import PlatformRules, TextCounting


class DryRunPublisher(BasePublisher):
    platform: ClassVar[str] = "dryrun"
    display_name: ClassVar[str] = "Dry run"
    default_api_url: ClassVar[str] = ""
    RULES: ClassVar[PlatformRules] = PlatformRules(
        platform="dryrun",
        display_name="Dry run",
        text_limit=None,
        counting=TextCounting.GRAPHEMES,
        max_images=10,
        supports_video=True,
    )

    @staticmethod
    def journal(context: PublisherContext) -> Path:
        return context.data_dir / "dryrun" / f"{context.account.id}.jsonl"

    def publish(self, request: PublishRequest, context: PublisherContext) -> Receipt:
        self.ensure_valid(request)
        now = context.clock()
        record: dict[str, Any] = {
            "key": request.idempotency_key,
            "target_id": request.target_id,
            "post_id": request.post_id,
            "account": request.account.name,
            "text": request.text,
            "link": request.link,
            "media": [{"file": m.path.name, "alt": m.alt_text} for m in request.media],
            "at": now.astimezone(UTC).isoformat(),
        }
        path = self.journal(context)
        path.parent.mkdir(parents=True, exist_ok=True)
        line = (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
        # One write with O_APPEND: lines from several processes never interleave.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.write(fd, line)
            os.fsync(fd)
        finally:
            os.close(fd)
        context.logger.info("dry run: recorded post %s for %s", request.post_id, request.account.name)
        return Receipt(remote_id=f"dryrun:{request.idempotency_key}", published_at=now)

    def lookup(self, request: PublishRequest, context: PublisherContext) -> Receipt | None:
        path = self.journal(context)
        if not path.exists():
            return None
        with path.open(encoding="utf-8") as fh:
            for raw in fh:
                try:
                    record = json.loads(raw)
                except ValueError:
                    continue  # a line cut by a crash is not a publication
                if record.get("key") == request.idempotency_key:
                    return Receipt(
                        remote_id=f"dryrun:{request.idempotency_key}",
                        published_at=datetime.fromisoformat(record["at"]),
                    )
        return None

    def metrics(self, receipt: Receipt, context: PublisherContext) -> Mapping[str, float] | None:
        return None

    def check_account(self, context: PublisherContext) -> AccountCheck:
        return AccountCheck(
            handle=context.account.handle or context.account.name,
            display_name=tr("Dry run: nothing is sent"),
        )

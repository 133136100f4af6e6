#!/usr/bin/env python3
"""Pictures of the editor with a TikTok and a YouTube target, for the README (French).

    .venv/bin/python tools/video_screenshots.py [OUT_DIR]

writes ``editor-tiktok-fr.png`` (TikTok's audit controls: the creator's nickname, who can
see the video with no default, interactions, disclosure, music confirmation) and
``editor-youtube-fr.png`` into OUT_DIR (default ``docs/screenshots``). The accounts talk
to the loopback fake TikTok and YouTube servers the tests use, so the editor shows what
TikTok's ``creator_info`` answers, without a network. Runs offscreen without a display.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PICTURE = ROOT / "essplanner" / "demo" / "data" / "fr" / "images" / "trois-gestes.png"


def picture_video(path: Path, *, seconds: float = 4.0, fps: int = 10) -> Path:
    """A vertical H.264 video (720×1280) of the example's "3 gestes" picture, so that the
    editor's thumbnail shows something a reader recognises."""
    from fractions import Fraction

    import av
    from PIL import Image

    canvas = Image.new("RGB", (720, 1280), "#ef6c00")
    with Image.open(PICTURE) as picture:
        canvas.paste(picture.convert("RGB").resize((720, 720)), (0, 280))
    with av.open(str(path), mode="w") as container:
        stream = container.add_stream("libx264", rate=fps)
        stream.width, stream.height, stream.pix_fmt = 720, 1280, "yuv420p"
        for i in range(round(seconds * fps)):
            frame = av.VideoFrame.from_image(canvas)
            frame.pts, frame.time_base = i, Fraction(1, fps)
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode():
            container.mux(packet)
    return path


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    sys.path.insert(0, str(ROOT / "tests"))  # the fakes import their helpers as the tests do
    from essplanner.credentials import MemoryStore
    from essplanner.domain import MediaInput, PostDraft
    from essplanner.i18n import set_language
    from essplanner.settings import Paths, Settings
    from essplanner.ui.screenshot import take
    from essplanner.workspace import Workspace
    from tests.publishers.fake_tiktok import FakeTikTok
    from tests.publishers.fake_youtube import FakeYouTube

    set_language("fr")
    tiktok, youtube = FakeTikTok().start(), FakeYouTube().start()
    try:
        with tempfile.TemporaryDirectory(prefix="essplanner-shots-") as tmp:
            ws = Workspace.open(paths=Paths.resolve(str(Path(tmp) / "ws")),
                                settings=Settings(timezone="Europe/Paris"),
                                secrets=MemoryStore())
            try:
                video = picture_video(Path(tmp) / "trois-gestes.mp4")
                when = ws.clock.now() + timedelta(days=10)
                access, _refresh = tiktok.issue()
                tk = ws.accounts.add(platform="tiktok", name="TikTok de l’asso",
                                     api_url=tiktok.url, secret=access,
                                     settings={"mode": "direct"})
                yaccess, _yrefresh = youtube.issue("shots")
                yt = ws.accounts.add(platform="youtube", name="Chaîne de l’asso",
                                     api_url=youtube.url, secret=yaccess,
                                     settings={"made_for_kids": "no"})
                media = (MediaInput(path=str(video), alt_text=""),)
                for account, name in ((tk, "tiktok"), (yt, "youtube")):
                    post = ws.posts.create(PostDraft(
                        title="3 gestes en 30 s pour un logement économe",
                        body="Baisser le chauffage d’un degré, fermer les volets la nuit, "
                             "dépoussiérer les radiateurs : nos trois gestes en vidéo.",
                        hashtags=("ESS", "Énergie"), account_ids=(account.id,), media=media),
                        scheduled_at=when)
                    # tall enough to show the per-account options (TikTok's audit controls)
                    take(ws, view="editor", day=None, out=out / f"editor-{name}-fr.png",
                         lang="fr", size=(1280, 1400), post_id=post.id)
                    print(out / f"editor-{name}-fr.png")
            finally:
                ws.close()
    finally:
        tiktok.stop()
        youtube.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

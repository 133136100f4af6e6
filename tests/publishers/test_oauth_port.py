"""The loopback redirect on a fixed port (LinkedIn accepts only the registered address)."""

from __future__ import annotations

import socket

import pytest
import requests

from essplanner.publishers.errors import PermanentError
from essplanner.publishers.oauth import LoopbackRedirect


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_fixed_port_is_the_redirect_address_and_receives_the_code() -> None:
    port = _free_port()
    with LoopbackRedirect(port=port) as redirect:
        assert redirect.redirect_uri == f"http://127.0.0.1:{port}/callback"
        import threading

        answers: list[int] = []
        thread = threading.Thread(target=lambda: answers.append(requests.get(
            f"{redirect.redirect_uri}?code=abc&state=s1", timeout=10).status_code))
        thread.start()
        assert redirect.wait_for_code("s1", timeout=10) == "abc"
        thread.join()
    assert answers == [200]


def test_a_busy_port_is_a_clear_message() -> None:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        with pytest.raises(PermanentError, match=f"Port {port} of this computer is busy"):
            LoopbackRedirect(port=port)


@pytest.mark.parametrize("module", ["linkedin", "pinterest", "x"])
def test_platforms_that_want_an_exact_address_use_the_one_their_guides_give(module: str) -> None:
    from pathlib import Path

    from essplanner.publishers.oauth import REGISTERED_PORT, REGISTERED_REDIRECT_URI
    from essplanner.publishers.registry import Registry

    publisher = Registry().get(module)
    assert publisher.redirect_port == REGISTERED_PORT  # type: ignore[attr-defined]
    docs = Path(__file__).resolve().parents[2] / "docs" / "platforms"
    for lang in ("fr", "en"):
        assert REGISTERED_REDIRECT_URI in (docs / f"{module}.{lang}.md").read_text("utf-8")

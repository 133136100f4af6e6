"""A real WebDAV server (WsgiDAV on cheroot) on loopback, shaped like a Nextcloud share.

``/dav/`` needs basic auth and is writable (what ESS Planner uploads to);
``/public/`` serves the same folder read-only with no login, like a public share
link. Started on a free port for each test that needs it.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cheroot import wsgi
from wsgidav.fs_dav_provider import FilesystemProvider
from wsgidav.wsgidav_app import WsgiDAVApp

USER = "asso"
PASSWORD = "webdav-s3cret-pass"


@dataclass
class WebDavServer:
    root: Path
    port: int
    server: Any
    thread: threading.Thread
    requests: list[tuple[str, str]]

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def folder_url(self, folder: str = "essplanner") -> str:
        return f"{self.base}/dav/{folder}/"

    def public_pattern(self, folder: str = "essplanner") -> str:
        return f"{self.base}/public/{folder}/{{name}}"

    def files(self, folder: str = "essplanner") -> list[str]:
        path = self.root / folder
        return sorted(p.name for p in path.iterdir()) if path.is_dir() else []

    def stop(self) -> None:
        self.server.stop()
        self.thread.join(timeout=10)


class _Recorder:
    """WSGI middleware keeping (method, path) of every request, to prove what was sent."""

    def __init__(self, app: Any, log: list[tuple[str, str]]) -> None:
        self.app = app
        self.log = log

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        self.log.append((environ["REQUEST_METHOD"], environ.get("PATH_INFO", "")))
        return self.app(environ, start_response)


def start(root: Path) -> WebDavServer:
    # WsgiDAV warns at start-up about plain http and anonymous shares: expected here.
    logging.getLogger("wsgidav").setLevel(logging.ERROR)
    root.mkdir(parents=True, exist_ok=True)
    config = {
        "host": "127.0.0.1",
        "port": 0,
        "provider_mapping": {
            "/dav": FilesystemProvider(str(root)),
            "/public": FilesystemProvider(str(root), readonly=True),
        },
        "http_authenticator": {
            "domain_controller": None,  # SimpleDomainController, from simple_dc below
            "accept_basic": True,
            "accept_digest": False,
            "default_to_digest": False,
        },
        "simple_dc": {"user_mapping": {
            "/dav": {USER: {"password": PASSWORD, "roles": []}},
            "/public": True,  # anonymous, like a public share link
        }},
        "dir_browser": {"enable": False},
        "verbose": 0,
        "logging": {"enable": False},
    }
    log: list[tuple[str, str]] = []
    app = _Recorder(WsgiDAVApp(config), log)
    server = wsgi.Server(("127.0.0.1", 0), app, numthreads=4)
    server.expiration_interval = 0.05  # quick shutdown (the serve loop polls at this rate)
    server.prepare()
    port = server.bind_addr[1]
    thread = threading.Thread(target=server.serve, name="webdav", daemon=True)
    thread.start()
    return WebDavServer(root=root, port=port, server=server, thread=thread, requests=log)

"""Real servers started by the tests: Bluesky's reference PDS (one per test session).

Each run gets its own free ports and its own state folder, so several engineers (or
CI jobs) can run the suite at once on one machine.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import hmac
import json
import os
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
SHARED = Path(os.environ.get("SHARED_DIR") or ROOT.parent / "shared")
PDS_PEER = SHARED / "peers" / "bluesky-pds"
PDS_DIR = ROOT / ".peers" / "bluesky-pds"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Pds:
    url: str
    env: dict[str, str]

    @property
    def jwt_secret(self) -> str:
        return self.env["PDS_JWT_SECRET"]

    def create_account(self, prefix: str = "u") -> PdsAccount:
        handle = f"{prefix}{uuid.uuid4().hex[:10]}.test"
        password = "main-" + uuid.uuid4().hex
        r = requests.post(f"{self.url}/xrpc/com.atproto.server.createAccount", timeout=30,
                          json={"handle": handle, "email": f"{handle}@example.com",
                                "password": password})
        r.raise_for_status()
        body = r.json()
        app = requests.post(f"{self.url}/xrpc/com.atproto.server.createAppPassword", timeout=30,
                            headers={"Authorization": f"Bearer {body['accessJwt']}"},
                            json={"name": "essplanner"})
        app.raise_for_status()
        return PdsAccount(did=body["did"], handle=handle, password=password,
                          app_password=app.json()["password"], access_jwt=body["accessJwt"])

    def list_records(self, did: str) -> list[dict]:
        r = requests.get(f"{self.url}/xrpc/com.atproto.repo.listRecords", timeout=30,
                         params={"repo": did, "collection": "app.bsky.feed.post",
                                 "limit": 100})
        r.raise_for_status()
        return list(r.json()["records"])

    def get_record(self, did: str, rkey: str) -> dict:
        r = requests.get(f"{self.url}/xrpc/com.atproto.repo.getRecord", timeout=30,
                         params={"repo": did, "collection": "app.bsky.feed.post", "rkey": rkey})
        r.raise_for_status()
        return dict(r.json())

    def get_blob(self, did: str, cid: str) -> requests.Response:
        r = requests.get(f"{self.url}/xrpc/com.atproto.sync.getBlob", timeout=30,
                         params={"did": did, "cid": cid})
        r.raise_for_status()
        return r

    def forge_expired(self, token: str) -> str:
        """``token`` re-signed with the server's key, its expiry in the past (README recipe)."""
        payload_b64 = token.split(".")[1]
        payload = json.loads(base64.urlsafe_b64decode(payload_b64 + "=" * (-len(payload_b64) % 4)))
        payload["exp"] = int(time.time()) - 60
        payload["iat"] = int(time.time()) - 7260

        def b64(data: bytes) -> str:
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        head = b64(json.dumps({"typ": "at+jwt", "alg": "HS256"}).encode())
        body = b64(json.dumps(payload).encode())
        sig = hmac.new(self.jwt_secret.encode(), f"{head}.{body}".encode(), hashlib.sha256)
        return f"{head}.{body}.{b64(sig.digest())}"


@dataclass
class PdsAccount:
    did: str
    handle: str
    password: str
    app_password: str
    access_jwt: str


def pds_available() -> str | None:
    """Why the PDS cannot run here, or None."""
    if not (PDS_PEER / "install.sh").exists():
        return f"no Bluesky PDS recipe at {PDS_PEER} (set SHARED_DIR)"
    return None


def start_pds(state_dir: Path, extra_env: dict[str, str] | None = None,
              ) -> tuple[Pds, dict[str, str]]:
    """Install (idempotent) and start a PDS on free ports with its own state folder."""
    PDS_DIR.parent.mkdir(parents=True, exist_ok=True)
    # The same lock as `make peers`: worktrees share .peers, and two installs wipe each other.
    with open(PDS_DIR.parent / "bluesky-pds.lock", "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        subprocess.run([str(PDS_PEER / "install.sh"), str(PDS_DIR)], check=True,
                       stdout=subprocess.DEVNULL, timeout=900)
    last_error = ""
    for _attempt in range(3):  # a free port can be taken between the check and the start
        env = {**os.environ, "PDS_PORT": str(free_port()), "PLC_PORT": str(free_port()),
               "PEER_STATE_DIR": str(state_dir), "LOG_LEVEL": "info", **(extra_env or {})}
        result = subprocess.run([str(PDS_PEER / "start.sh"), "start", str(PDS_DIR)], env=env,
                                capture_output=True, text=True, timeout=180)
        if result.returncode == 0:
            values = {}
            for line in (state_dir / "pds.env").read_text().splitlines():
                key, _sep, value = line.removeprefix("export ").partition("=")
                values[key] = value
            return Pds(url=result.stdout.strip(), env=values), env
        last_error = result.stderr
    raise RuntimeError(f"the Bluesky PDS did not start: {last_error}")


def stop_pds(env: dict[str, str]) -> None:
    subprocess.run([str(PDS_PEER / "start.sh"), "stop", str(PDS_DIR)], env=env,
                   capture_output=True, timeout=60)

"""Upload files to a WebDAV folder whose public share gives them a public address.

Instagram and Threads do not take the bytes of an image: their servers fetch it
from a public HTTPS address. A small association rarely has a web server, but
often has a Nextcloud (or ownCloud, or any WebDAV storage) with public links.
The account's settings name a folder (``webdav_url``, reached with
``webdav_user`` and the password kept in the keyring) and how a file of that
folder is seen by the public (``public_url_pattern``, with ``{name}``):

    webdav_url          https://cloud.example.org/remote.php/dav/files/asso/essplanner/
    public_url_pattern  https://cloud.example.org/public.php/dav/files/SHARETOKEN/{name}

A plugin uploads with :meth:`WebDav.upload` (PUT, creating the folder with MKCOL
when it is missing), hands the public URL to the platform, and deletes the file
once the platform has it (:meth:`WebDav.delete`). Any plugin may use this.
"""

from __future__ import annotations

import secrets
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from essplanner.publishers.base import PublisherContext, SecretVault
from essplanner.publishers.errors import AuthError, PermanentError, RetryableError
from essplanner.publishers.http import HttpClient, check_api_url
from essplanner.publishers.i18n import tr

VAULT_KEY = "webdav"  # the WebDAV password, in the account's keyring vault
SETTINGS = ("webdav_url", "webdav_user", "public_url_pattern")


@dataclass(frozen=True)
class WebDavConfig:
    folder_url: str  # ends with "/"
    user: str
    password: str
    public_url_pattern: str

    @classmethod
    def from_account(
        cls, settings: Mapping[str, Any], vault: SecretVault, *, platform: str
    ) -> WebDavConfig:
        """The account's upload folder, or a clear :class:`PermanentError` saying what is missing."""
        url = str(settings.get("webdav_url") or "").strip()
        pattern = str(settings.get("public_url_pattern") or "").strip()
        if not url or not pattern:
            raise PermanentError(tr(
                "{platform} fetches images from a public web address: set the account's "
                "upload folder (webdav_url) and its public address (public_url_pattern) — "
                "see the Meta guide in docs/platforms/.", platform=platform,
            ))
        return cls.build(url=url, user=str(settings.get("webdav_user") or ""),
                         password=vault.get(VAULT_KEY) or "", pattern=pattern)

    @classmethod
    def build(cls, *, url: str, user: str, password: str, pattern: str) -> WebDavConfig:
        folder = check_api_url(url) + "/"
        if "{name}" not in pattern:
            raise PermanentError(tr(
                "The public address pattern must contain {name} where the file name goes "
                "(e.g. https://cloud.example.org/public.php/dav/files/TOKEN/{name})."))
        check_api_url(pattern.replace("{name}", "x"))
        return cls(folder_url=folder, user=user, password=password, public_url_pattern=pattern)


class WebDav:
    """PUT, DELETE and MKCOL on one folder; public URLs from the pattern."""

    def __init__(self, http: HttpClient, config: WebDavConfig) -> None:
        self.http = http
        self.config = config

    @classmethod
    def for_account(cls, context: PublisherContext, *, platform: str) -> WebDav:
        config = WebDavConfig.from_account(context.account.settings, context.vault,
                                           platform=platform)
        return cls(context.http, config)

    def file_url(self, name: str) -> str:
        return self.config.folder_url + quote(name)

    def public_url(self, name: str) -> str:
        return self.config.public_url_pattern.replace("{name}", quote(name))

    def _request(self, method: str, url: str, **kwargs: Any) -> Any:
        auth = (self.config.user, self.config.password) if self.config.user else None
        # PUT, DELETE and MKCOL are idempotent: a lost answer is safe to retry.
        return self.http.request(method, url, auth=auth, changes_state=False, **kwargs)

    def _check(self, response: Any, what: str) -> None:
        status = response.status_code
        if status in (401, 403):
            raise AuthError(tr(
                "The upload folder refused the login ({status}) for {what}: check the WebDAV "
                "user and password.", status=status, what=what))
        if status == 507:
            raise PermanentError(tr("The upload folder is full (507 Insufficient Storage)."))
        if status >= 400:
            self.http.raise_for_status(response, tr(
                "The upload folder answered {status} for {what}.", status=status, what=what))

    def ensure_folder(self) -> None:
        """Create the folder (and its parents inside the user's space) when missing."""
        response = self._request("PROPFIND", self.config.folder_url, headers={"Depth": "0"})
        if response.status_code in (200, 207):
            return
        if response.status_code != 404:
            self._check(response, tr("the folder"))
        parts = urlsplit(self.config.folder_url)
        segments = [s for s in parts.path.split("/") if s]
        # Create from the deepest missing level upwards: MKCOL answers 409 while a parent is
        # missing, so walk up until one succeeds, then back down.
        missing: list[str] = []
        for depth in range(len(segments), 0, -1):
            url = f"{parts.scheme}://{parts.netloc}/{'/'.join(segments[:depth])}/"
            made = self._request("MKCOL", url)
            if made.status_code in (201, 405):  # 405: it exists already
                break
            if made.status_code != 409:
                self._check(made, tr("creating the folder"))
            missing.append(url)
        for url in reversed(missing):
            made = self._request("MKCOL", url)
            if made.status_code not in (201, 405):
                self._check(made, tr("creating the folder"))

    def upload(self, path: Path, name: str, *, mime_type: str) -> str:
        """PUT ``path`` as ``name`` in the folder; return its public URL."""
        url = self.file_url(name)
        for attempt in range(2):
            with path.open("rb") as body:
                response = self._request("PUT", url, data=body,
                                         headers={"Content-Type": mime_type})
            if response.status_code in (404, 409) and attempt == 0:
                self.ensure_folder()  # the folder does not exist yet
                continue
            self._check(response, name)
            break
        return self.public_url(name)

    def delete(self, name: str) -> bool:
        """Delete ``name``; True if it is gone (already absent counts), False on failure."""
        try:
            response = self._request("DELETE", self.file_url(name))
        except RetryableError:
            return False
        return response.status_code in (200, 204, 404)

    def verify(self) -> str:
        """Round trip for ``check_account``: upload a small file, read it back through the
        public address, delete it. Returns the public URL that worked."""
        name = f"essplanner-check-{secrets.token_hex(6)}.txt"
        token = secrets.token_hex(16).encode()
        tmp_dir = Path(tempfile.mkdtemp(prefix="essplanner-webdav-"))
        tmp = tmp_dir / name
        try:
            tmp.write_bytes(token)
            public = self.upload(tmp, name, mime_type="text/plain")
            response = self.http.request("GET", public, changes_state=False)
            if response.status_code != 200 or response.content != token:
                raise PermanentError(tr(
                    "The file uploaded to the folder is not visible at its public address "
                    "{url} (HTTP {status}): check the public share and public_url_pattern.",
                    url=public, status=response.status_code))
            return public
        finally:
            self.delete(name)
            tmp.unlink(missing_ok=True)
            tmp_dir.rmdir()

import logging
from pathlib import Path

import pytest

from essplanner import log as logsetup


@pytest.mark.expect_log(r"^boom$", logger="essplanner.test")
def test_secrets_never_reach_the_log_file(tmp_path: Path) -> None:
    log_file = tmp_path / "logs" / "essplanner.log"
    logsetup.setup(log_file, verbose=1, stderr=False)
    try:
        secret = "app-pass-abcd-efgh-ijkl"
        logsetup.register_secret(secret)
        logger = logging.getLogger("essplanner.test")
        logger.info("logging in with %s", secret)
        logger.info("GET https://api.telegram.org/bot123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw/sendMessage")
        logger.info("header Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
        try:
            raise RuntimeError(f"failed with password={secret}")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logsetup.setup(None, stderr=False)
    content = log_file.read_text()
    assert "logging in with ***" in content
    assert secret not in content
    assert "AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw" not in content
    assert "c2lnbmF0dXJl" not in content
    assert "boom" in content and "RuntimeError" in content

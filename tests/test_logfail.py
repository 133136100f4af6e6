"""The suite fails on a WARNING log line nobody expected (tests/helpers/logfail.py)."""

import pytest

TESTS = '''
import logging

import pytest

log = logging.getLogger("essplanner.sample")


def test_unexpected():
    log.warning("the disk is on fire")


@pytest.mark.expect_log(r"retrying in \\d+ s", logger="essplanner")
def test_declared_by_marker():
    log.warning("retrying in 30 s")


def test_declared_by_fixture(expect_log):
    expect_log("plugin .* did not load")
    log.error("plugin pigeon did not load")


def test_examined_with_caplog(caplog):
    log.warning("looked at by the test")
    assert "looked at" in caplog.text


def test_info_is_fine():
    log.info("just so you know")
    logging.getLogger("other.library").warning("not ours")


def test_unexpected_in_teardown(request):
    request.addfinalizer(lambda: log.error("left running"))


def test_a_failure_stays_the_news():
    log.warning("noise")
    assert 1 == 2
'''


def test_unexpected_warnings_fail_and_declared_ones_pass(pytester: pytest.Pytester) -> None:
    pytester.makeconftest('pytest_plugins = ["tests.helpers.logfail"]\n')
    pytester.makepyfile(test_sample=TESTS)
    result = pytester.runpytest("-p", "no:cacheprovider", "-p", "no:randomly")
    result.assert_outcomes(passed=5, failed=2, errors=1)
    result.stdout.fnmatch_lines(["*unexpected log lines during call*",
                                 "*WARNING essplanner.sample: the disk is on fire*"])
    result.stdout.fnmatch_lines(["*unexpected log lines during teardown*", "*ERROR essplanner.sample: left running*"])
    reports = {r.nodeid.split("::")[-1]: r for r in
               pytester.inline_run("-p", "no:cacheprovider").getreports("pytest_runtest_logreport")
               if r.failed}
    assert "assert 1 == 2" in str(reports["test_a_failure_stays_the_news"].longrepr)
    assert "unexpected log lines" not in str(reports["test_a_failure_stays_the_news"].longrepr)
    assert sorted(reports) == ["test_a_failure_stays_the_news", "test_unexpected",
                               "test_unexpected_in_teardown"]

"""Posting slots and the queue: local weekly times across DST, "Add to the queue",
reordering, and slots changed under scheduled posts."""

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from essplanner import domain
from essplanner.domain import DeliveryState, PostDraft
from essplanner.errors import ValidationError
from essplanner.services.slots import Slot, format_slots, occurrences, parse_slots
from essplanner.timeutil import FakeClock
from essplanner.workspace import Workspace

PARIS = ZoneInfo("Europe/Paris")
#: Friday 26 March 2027, noon in Paris (winter time); clocks go forward on Sunday the 28th
FRIDAY = datetime(2027, 3, 26, 11, 0, tzinfo=UTC)


def _account(ws: Workspace, name: str, slots: str) -> domain.Account:
    account = ws.accounts.add(platform="dryrun", name=name)
    ws.slots.set_slots(account.id, parse_slots(slots))
    return account


def _post(ws: Workspace, body: str, *accounts: domain.Account) -> domain.Post:
    return ws.posts.create(PostDraft(body=body, account_ids=tuple(a.id for a in accounts)))


def _local(when: datetime | None) -> datetime:
    assert when is not None
    return when.astimezone(PARIS).replace(tzinfo=None)


def test_slots_are_read_in_english_or_french_and_mistakes_are_named() -> None:
    assert parse_slots("Mon 09:00, mercredi 18h30; dim. 9h") == (
        Slot(0, 9 * 60), Slot(2, 18 * 60 + 30), Slot(6, 9 * 60))
    assert parse_slots("  ") == ()
    assert format_slots(parse_slots("wed 18:30, mon 9:00")) == "Mon 09:00, Wed 18:30"
    with pytest.raises(ValidationError, match="'someday 9:00' is not a posting slot"):
        parse_slots("mon 09:00, someday 9:00")
    with pytest.raises(ValidationError, match="'tue 25:00'"):
        parse_slots("tue 25:00")


def test_add_to_the_queue_fills_the_next_free_slot_of_two_accounts(
        workspace: Workspace, clock: FakeClock) -> None:
    clock.set(FRIDAY)
    facebook = _account(workspace, "Facebook", "mon 09:00")
    mastodon = _account(workspace, "Mastodon", "wed 18:30")

    first = workspace.slots.enqueue(_post(workspace, "un", facebook).id)
    second = workspace.slots.enqueue(_post(workspace, "deux", mastodon).id)
    third = workspace.slots.enqueue(_post(workspace, "trois", facebook).id)
    # after the spring-forward night the slots stay at their local time (UTC moved by 1 h)
    assert _local(first.scheduled_at) == datetime(2027, 3, 29, 9, 0)
    assert first.scheduled_at == datetime(2027, 3, 29, 7, 0, tzinfo=UTC)
    assert _local(second.scheduled_at) == datetime(2027, 3, 31, 18, 30)
    assert _local(third.scheduled_at) == datetime(2027, 4, 5, 9, 0)
    assert {t.state for t in first.targets} == {DeliveryState.SCHEDULED}

    # both accounts share one time: the earliest slot of either that neither has taken
    both = workspace.slots.enqueue(_post(workspace, "les deux", facebook, mastodon).id)
    assert _local(both.scheduled_at) == datetime(2027, 4, 7, 18, 30)
    assert [p.id for p in workspace.slots.queue(facebook.id)] == [first.id, third.id, both.id]
    assert [p.id for p in workspace.slots.queue(mastodon.id)] == [second.id, both.id]


def test_a_slot_too_close_or_taken_by_a_planned_post_is_skipped(
        workspace: Workspace, clock: FakeClock) -> None:
    facebook = _account(workspace, "Facebook", "mon 09:00, mon 12:00")
    clock.set(datetime(2027, 3, 29, 8, 57, tzinfo=PARIS))  # three minutes before the slot
    workspace.posts.create(PostDraft(body="à la main", account_ids=(facebook.id,)),
                           scheduled_at=datetime(2027, 3, 29, 12, 0, tzinfo=PARIS),
                           schedule=True)
    queued = workspace.slots.enqueue(_post(workspace, "file", facebook).id)
    assert _local(queued.scheduled_at) == datetime(2027, 4, 5, 9, 0)


def test_a_cancelled_post_leaves_its_slot_free(workspace: Workspace, clock: FakeClock) -> None:
    clock.set(FRIDAY)
    facebook = _account(workspace, "Facebook", "mon 09:00")
    first = workspace.slots.enqueue(_post(workspace, "un", facebook).id)
    workspace.posts.cancel(first.id)
    again = workspace.slots.enqueue(_post(workspace, "deux", facebook).id)
    assert again.scheduled_at == first.scheduled_at
    assert [p.id for p in workspace.slots.queue()] == [again.id]


def test_a_post_without_slots_or_accounts_is_refused_clearly(
        workspace: Workspace, clock: FakeClock) -> None:
    clock.set(FRIDAY)
    bare = workspace.accounts.add(platform="dryrun", name="Sans créneau")
    with pytest.raises(ValidationError, match="No free posting slot for Sans créneau"):
        workspace.slots.enqueue(_post(workspace, "x", bare).id)
    with pytest.raises(ValidationError, match="Choose at least one account"):
        workspace.slots.enqueue(_post(workspace, "y").id)


def test_slots_keep_their_local_time_on_the_fall_back_and_in_the_skipped_hour() -> None:
    montreal = ZoneInfo("America/Montreal")
    start = datetime(2027, 10, 29, tzinfo=UTC)
    weekly = occurrences([Slot(0, 9 * 60)], montreal, start, start + timedelta(days=14))
    assert [w.astimezone(montreal).time() for w in weekly] == [time(9, 0), time(9, 0)]
    assert weekly[1] - weekly[0] == timedelta(days=7, hours=1)  # clocks went back on 7 Nov
    # 02:30 does not exist in Paris on 28 March 2027: the slot falls at 03:30 that day
    gap = occurrences([Slot(6, 2 * 60 + 30)], PARIS, datetime(2027, 3, 27, tzinfo=UTC),
                      datetime(2027, 3, 29, tzinfo=UTC))
    assert [w.astimezone(PARIS).time() for w in gap] == [time(3, 30)]


def test_reordering_the_queue_swaps_times_in_one_step_and_back(
        workspace: Workspace, clock: FakeClock) -> None:
    clock.set(FRIDAY)
    facebook = _account(workspace, "Facebook", "mon 09:00, thu 12:00")
    ids = [workspace.slots.enqueue(_post(workspace, body, facebook).id).id
           for body in ("a", "b", "c")]
    times = [workspace.posts.get(i).scheduled_at for i in ids]
    moved = workspace.slots.reorder([ids[2], ids[0], ids[1]])
    assert [p.scheduled_at for p in moved] == times
    assert [p.id for p in workspace.slots.queue(facebook.id)] == [ids[2], ids[0], ids[1]]
    assert all(t.next_attempt_at == p.scheduled_at for p in moved for t in p.targets)
    workspace.slots.reorder(ids)
    assert [workspace.posts.get(i).scheduled_at for i in ids] == times
    stray = _post(workspace, "hors file", facebook)
    with pytest.raises(ValidationError, match="not in the queue"):
        workspace.slots.reorder([stray.id, ids[0]])


def test_reordering_never_puts_two_posts_of_one_account_at_the_same_time(
        workspace: Workspace, clock: FakeClock) -> None:
    """A post queued on two accounts carries its new time to both: reordering the queue of
    one account must not land it on a time the other account already uses."""
    clock.set(FRIDAY)
    facebook = _account(workspace, "Facebook", "mon 09:00, thu 12:00")
    mastodon = _account(workspace, "Mastodon", "mon 09:00, thu 12:00")
    both = workspace.slots.enqueue(_post(workspace, "les deux", facebook, mastodon).id)
    alone = workspace.slots.enqueue(_post(workspace, "Facebook seul", facebook).id)
    # Mastodon's own post sits at the time Facebook's second post holds
    other = workspace.slots.enqueue(_post(workspace, "Mastodon seul", mastodon).id)
    assert other.scheduled_at == alone.scheduled_at
    before = {p.id: p.scheduled_at for p in (both, alone, other)}
    with pytest.raises(ValidationError, match="Mastodon"):
        workspace.slots.reorder([alone.id, both.id])
    assert {i: workspace.posts.get(i).scheduled_at for i in before} == before
    # swapping posts that share every account stays possible
    workspace.slots.reorder([other.id])


def test_changing_slots_moves_no_scheduled_post_and_says_which_left_their_slot(
        workspace: Workspace, clock: FakeClock) -> None:
    clock.set(FRIDAY)
    facebook = _account(workspace, "Facebook", "mon 09:00, wed 09:00")
    monday = workspace.slots.enqueue(_post(workspace, "lundi", facebook).id)
    wednesday = workspace.slots.enqueue(_post(workspace, "mercredi", facebook).id)

    saved = workspace.slots.set_slots(facebook.id, parse_slots("mon 09:00, fri 17:00"))
    assert saved.slots == (Slot(0, 9 * 60), Slot(4, 17 * 60))
    assert saved.off_slot == (wednesday.id,)
    after = workspace.posts.get(wednesday.id)
    assert after.scheduled_at == wednesday.scheduled_at
    assert after.version == wednesday.version
    assert workspace.posts.get(monday.id).scheduled_at == monday.scheduled_at

    [requeued] = workspace.slots.requeue(saved.off_slot)
    assert _local(requeued.scheduled_at) == datetime(2027, 3, 26, 17, 0)  # this afternoon
    assert workspace.slots.off_slot(facebook.id) == []


def test_free_slots_are_the_slots_of_the_week_without_a_post(
        workspace: Workspace, clock: FakeClock) -> None:
    clock.set(FRIDAY)
    facebook = _account(workspace, "Facebook", "mon 09:00, tue 09:00")
    mastodon = _account(workspace, "Mastodon", "tue 09:00")
    workspace.slots.enqueue(_post(workspace, "un", facebook).id)
    week = (datetime(2027, 3, 29, tzinfo=PARIS), datetime(2027, 4, 5, tzinfo=PARIS))
    free = workspace.slots.free_slots(*week)
    assert sorted((f.account_id, _local(f.when)) for f in free) == [
        (facebook.id, datetime(2027, 3, 30, 9, 0)), (mastodon.id, datetime(2027, 3, 30, 9, 0))]
    assert [f.account_id for f in workspace.slots.free_slots(*week, [mastodon.id])] == [
        mastodon.id]

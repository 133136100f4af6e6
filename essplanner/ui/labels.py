"""Words and formats the user sees for our enums, platforms and times (Qt translation, QLocale).

Every label goes through ``QCoreApplication.translate`` with a literal context and
text, so that ``pyside6-lupdate`` finds them (tools/update_translations.py).
"""

from __future__ import annotations

from datetime import date, datetime, time
from functools import lru_cache

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QTime

from essplanner.domain import (
    TEST_PLATFORM,
    DeliveryState,
    EditorialState,
    Holdup,
    ObjectiveKind,
    Period,
    PostStatus,
    Segment,
    platform_name,
)


def status_label(status: PostStatus) -> str:
    return {
        # not "Draft": that word is the editorial stage's
        PostStatus.DRAFT: QCoreApplication.translate("Labels", "Not scheduled"),
        PostStatus.SCHEDULED: QCoreApplication.translate("Labels", "Scheduled"),
        PostStatus.PUBLISHED: QCoreApplication.translate("Labels", "Published"),
        PostStatus.ATTENTION: QCoreApplication.translate("Labels", "Needs attention"),
        PostStatus.CANCELLED: QCoreApplication.translate("Labels", "Cancelled"),
    }[status]


def delivery_label(state: DeliveryState) -> str:
    return {
        DeliveryState.DRAFT: QCoreApplication.translate("Labels", "not scheduled"),
        DeliveryState.SCHEDULED: QCoreApplication.translate("Labels", "scheduled"),
        DeliveryState.PUBLISHING: QCoreApplication.translate("Labels", "being sent"),
        DeliveryState.PUBLISHED: QCoreApplication.translate("Labels", "published"),
        DeliveryState.FAILED: QCoreApplication.translate("Labels", "failed"),
        DeliveryState.UNCONFIRMED: QCoreApplication.translate("Labels", "unconfirmed"),
        DeliveryState.MISSED: QCoreApplication.translate("Labels", "missed"),
        DeliveryState.CANCELLED: QCoreApplication.translate("Labels", "cancelled"),
    }[state]


def holdup_label(holdup: Holdup) -> str:
    """Why a target is stuck, in a few words (chips' tooltips, needs attention)."""
    return {
        Holdup.RECONNECT: QCoreApplication.translate(
            "Labels", "waiting: the account must be reconnected"),
        Holdup.DISABLED: QCoreApplication.translate("Labels", "waiting: the account is disabled"),
        Holdup.NEEDS_CREDITS: QCoreApplication.translate(
            "Labels", "waiting: the account needs credits"),
        Holdup.NEEDS_UPDATE: QCoreApplication.translate(
            "Labels", "waiting: ESS Planner needs an update"),
        Holdup.NEEDS_ACCESS: QCoreApplication.translate(
            "Labels", "waiting: the developer app needs more access"),
        Holdup.RETRYING: QCoreApplication.translate(
            "Labels", "waiting: the network refused it for now"),
        Holdup.LOGIN_ENDING: QCoreApplication.translate("Labels", "login ends soon"),
        Holdup.PRIVATE_LOGIN: QCoreApplication.translate("Labels",
                                                         "risk: in a private login"),
        Holdup.FAILED: QCoreApplication.translate("Labels", "failed"),
        Holdup.UNCONFIRMED: QCoreApplication.translate("Labels", "unconfirmed"),
        Holdup.MISSED: QCoreApplication.translate("Labels", "missed"),
        Holdup.AWAITING_APPROVAL: QCoreApplication.translate(
            "Labels", "waiting: not approved yet"),
    }[holdup]


def holdup_action(holdup: Holdup) -> str:
    """The one action that unblocks a stuck target (a button's text)."""
    return {
        Holdup.RECONNECT: QCoreApplication.translate("Labels", "Reconnect…"),
        Holdup.DISABLED: QCoreApplication.translate("Labels", "Enable the account"),
        Holdup.NEEDS_CREDITS: QCoreApplication.translate(
            "Labels", "I added credits: try again"),
        Holdup.NEEDS_UPDATE: QCoreApplication.translate("Labels", "I updated: try again"),
        Holdup.NEEDS_ACCESS: QCoreApplication.translate(
            "Labels", "Access granted: try again"),
        Holdup.RETRYING: QCoreApplication.translate("Labels", "Retry now"),
        Holdup.LOGIN_ENDING: QCoreApplication.translate("Labels", "Reconnect…"),
        Holdup.PRIVATE_LOGIN: QCoreApplication.translate("Labels", "Handover…"),
        Holdup.FAILED: QCoreApplication.translate("Labels", "Retry"),
        Holdup.UNCONFIRMED: QCoreApplication.translate("Labels", "Mark as published…"),
        Holdup.MISSED: QCoreApplication.translate("Labels", "Publish now"),
        Holdup.AWAITING_APPROVAL: QCoreApplication.translate("Labels", "Review…"),
    }[holdup]


def editorial_label(state: EditorialState) -> str:
    return {
        EditorialState.IDEA: QCoreApplication.translate("Labels", "Idea"),
        EditorialState.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        EditorialState.IN_REVIEW: QCoreApplication.translate("Labels", "In review"),
        EditorialState.APPROVED: QCoreApplication.translate("Labels", "Approved"),
    }[state]


def segment_label(segment: Segment) -> str:
    return {
        Segment.VOLUNTEERS: QCoreApplication.translate("Labels", "Volunteers"),
        Segment.DONORS: QCoreApplication.translate("Labels", "Donors"),
        Segment.BENEFICIARIES: QCoreApplication.translate("Labels", "Beneficiaries"),
        Segment.PARTNERS: QCoreApplication.translate("Labels", "Partners"),
        Segment.GENERAL: QCoreApplication.translate("Labels", "General public"),
    }[segment]


def objective_kind_label(kind: ObjectiveKind) -> str:
    return {
        ObjectiveKind.DONATIONS: QCoreApplication.translate("Labels", "Donations"),
        ObjectiveKind.VOLUNTEERS: QCoreApplication.translate("Labels", "Volunteer recruitment"),
        ObjectiveKind.AWARENESS: QCoreApplication.translate("Labels", "Awareness"),
        ObjectiveKind.PRODUCTS: QCoreApplication.translate("Labels", "Products and services"),
        ObjectiveKind.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[kind]


def period_label(period: Period) -> str:
    return {
        Period.WEEK: QCoreApplication.translate("Labels", "per week"),
        Period.MONTH: QCoreApplication.translate("Labels", "per month"),
        Period.QUARTER: QCoreApplication.translate("Labels", "per quarter"),
        Period.YEAR: QCoreApplication.translate("Labels", "per year"),
        Period.CAMPAIGN: QCoreApplication.translate("Labels", "per campaign"),
    }[period]


def metric_label(name: str) -> str | None:
    """A platform counter's name ("likes") in the user's language; None for a counter
    that has no name for people (a platform's internal one)."""
    known = {
        "likes": QCoreApplication.translate("Labels", "likes"),
        "reposts": QCoreApplication.translate("Labels", "reposts"),
        "replies": QCoreApplication.translate("Labels", "replies"),
        "quotes": QCoreApplication.translate("Labels", "quotes"),
        "shares": QCoreApplication.translate("Labels", "shares"),
        "views": QCoreApplication.translate("Labels", "views"),
        "comments": QCoreApplication.translate("Labels", "comments"),
        "reactions": QCoreApplication.translate("Labels", "reactions"),
        "clicks": QCoreApplication.translate("Labels", "clicks"),
    }
    return known.get(name)


#: platform ids the editor and filters know by name (plugins may add others)
KNOWN_PLATFORMS = ("facebook", "instagram", "threads", "bluesky", "mastodon", "telegram",
                   "linkedin", "x", "pinterest", "youtube", "tiktok")

def platform_label(platform: str) -> str:
    """A platform's name for people; test accounts say that nothing is sent."""
    if platform == TEST_PLATFORM:
        return QCoreApplication.translate("Labels", "Test account (nothing is sent)")
    return platform_name(platform)


def cta_presets() -> list[str]:
    """Calls to action that associations use most (the editor's combo box)."""
    return [
        QCoreApplication.translate("Labels", "Donate"),
        QCoreApplication.translate("Labels", "Volunteer with us"),
        QCoreApplication.translate("Labels", "Sign up"),
        QCoreApplication.translate("Labels", "Learn more"),
        QCoreApplication.translate("Labels", "Join us"),
        QCoreApplication.translate("Labels", "Sign the petition"),
        QCoreApplication.translate("Labels", "Book your place"),
        QCoreApplication.translate("Labels", "Contact us"),
    ]


# ---- dates and times, always through QLocale


def qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def fmt_time(value: time | datetime) -> str:
    """A time of day in the user's locale (the datetime must already be local)."""
    return _fmt_time(value.hour, value.minute, QLocale().name())


@lru_cache(maxsize=2048)
def _fmt_time(hour: int, minute: int, locale_name: str) -> str:
    return QLocale(locale_name).toString(QTime(hour, minute), QLocale.FormatType.ShortFormat)


def fmt_date(day: date, *, long: bool = False) -> str:
    fmt = QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat
    return QLocale().toString(qdate(day), fmt)


def fmt_day_heading(day: date) -> str:
    """"jeudi 3 décembre" / "Thursday 3 December": weekday, day, month."""
    text = QLocale().toString(qdate(day), "dddd d MMMM")
    return text[:1].upper() + text[1:]


def fmt_week_day(day: date) -> str:
    """"ven. 27 nov." / "Fri 27 Nov": a week view's column heading."""
    return QLocale().toString(qdate(day), "ddd d MMM")


def fmt_datetime(value: datetime) -> str:
    """Date and time of a local datetime in the user's locale."""
    return f"{fmt_date(value.date())} {fmt_time(value)}"


def month_title(month: date) -> str:
    name = QLocale().standaloneMonthName(month.month, QLocale.FormatType.LongFormat)
    return f"{name[:1].upper()}{name[1:]} {month.year}"


def week_title(start: date) -> str:
    end = start.toordinal() + 6
    last = date.fromordinal(end)
    locale = QLocale()
    if start.month == last.month:
        return f"{start.day} – {locale.toString(qdate(last), 'd MMMM yyyy')}"
    return (f"{locale.toString(qdate(start), 'd MMMM')} – "
            f"{locale.toString(qdate(last), 'd MMMM yyyy')}")

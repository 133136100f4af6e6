"""The publisher plugin API and the built-in platforms.

The API: :mod:`.base` (requests, receipts, the Publisher protocol), :mod:`.errors`
(outcomes), :mod:`.rules` and :mod:`.validation` (platform limits), :mod:`.http`,
:mod:`.registry`, :mod:`.text`, :mod:`.media`, :mod:`.oauth`, :mod:`.state`, :mod:`.i18n`.
The platforms: :mod:`.dryrun`, :mod:`.mastodon`, :mod:`.telegram`, and the families
:mod:`.bluesky` and :mod:`.meta`. Platform modules import only the API.

The names below are loaded from the API modules on first use (PEP 562), so that importing
``essplanner.publishers.i18n`` (every command does, for its messages) does not load the
whole plugin API and its text scanners: the desktop app paints its calendar sooner.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from essplanner.publishers.base import (
        AccountCheck,
        AccountField,
        AccountInfo,
        BasePublisher,
        Credentials,
        FieldKind,
        MediaFile,
        Publisher,
        PublisherContext,
        PublishRequest,
        RateLimitInfo,
        Receipt,
        SecretVault,
    )
    from essplanner.publishers.errors import (
        AmbiguousError,
        AuthError,
        ContentRejected,
        PermanentError,
        PublishError,
        RetryableError,
    )
    from essplanner.publishers.rules import (
        LinkHandling,
        PlatformRules,
        Problem,
        Severity,
        TextCounting,
    )
    from essplanner.publishers.validation import validate_with_rules

__all__ = [
    "AccountCheck",
    "AccountField",
    "AccountInfo",
    "AmbiguousError",
    "AuthError",
    "BasePublisher",
    "ContentRejected",
    "Credentials",
    "FieldKind",
    "LinkHandling",
    "MediaFile",
    "PermanentError",
    "PlatformRules",
    "Problem",
    "PublishError",
    "PublishRequest",
    "Publisher",
    "PublisherContext",
    "RateLimitInfo",
    "Receipt",
    "RetryableError",
    "SecretVault",
    "Severity",
    "TextCounting",
    "validate_with_rules",
]


_HOMES = {
    **dict.fromkeys(("AmbiguousError", "AuthError", "ContentRejected", "PermanentError",
                     "PublishError", "RetryableError"), "errors"),
    **dict.fromkeys(("LinkHandling", "PlatformRules", "Problem", "Severity", "TextCounting"),
                    "rules"),
    "validate_with_rules": "validation",
}


def __getattr__(name: str) -> Any:
    if name in __all__:
        from essplanner.publishers import base, errors, rules, validation

        modules = {"base": base, "errors": errors, "rules": rules, "validation": validation}
        value = getattr(modules[_HOMES.get(name, "base")], name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

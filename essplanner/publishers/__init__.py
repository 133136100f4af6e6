"""The publisher plugin API (:mod:`.base`), its HTTP helpers (:mod:`.http`), the registry,
and one module per built-in platform. Platform modules import only this package.

The names below are loaded from :mod:`.base` on first use (PEP 562), so that importing
``essplanner.publishers.i18n`` (every command does, for its messages) does not load the
whole plugin API and its text scanners: the desktop app paints its calendar sooner.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from essplanner.publishers.base import (
        AccountCheck,
        AccountField,
        AccountInfo,
        AmbiguousError,
        AuthError,
        BasePublisher,
        ContentRejected,
        Credentials,
        FieldKind,
        LinkHandling,
        MediaFile,
        PermanentError,
        PlatformRules,
        Problem,
        Publisher,
        PublisherContext,
        PublishError,
        PublishRequest,
        RateLimitInfo,
        Receipt,
        RetryableError,
        SecretVault,
        Severity,
        TextCounting,
        validate_with_rules,
    )

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


def __getattr__(name: str) -> Any:
    if name in __all__:
        from essplanner.publishers import base

        value = getattr(base, name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

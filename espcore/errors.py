"""Exceptions raised by the core.

Messages are English templates with named fields. The Processing wrappers translate the
template (``QCoreApplication.translate("espcore", template)``) and then fill in the fields, so
every message a user sees can be translated without the core importing Qt.
"""

from typing import Any


class EspError(Exception):
    """Base class of every error the core raises on purpose."""

    def __init__(self, template: str, **fields: Any) -> None:
        self.template = template
        self.fields = fields
        super().__init__(template.format(**fields) if fields else template)


class EspInputError(EspError, ValueError):
    """The input cannot be processed; the message says what to change."""


class Cancelled(EspError):
    """The user cancelled the run; no output must be written."""

    def __init__(self, template: str = "The run was cancelled.", **fields: Any) -> None:
        super().__init__(template, **fields)

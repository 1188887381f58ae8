"""The editor's autosave: her unsaved text kept per user and revision, never the document itself.

The editor posts its fields every few seconds while she types; the text waits here until she
saves for real (which forgets it) or comes back and restores it into the editor. Only the text
fields of the editor are kept, and no more of them than a document may hold.
"""
from __future__ import annotations

import re
import unicodedata

from django.db import transaction

from ..models import Autosave, Report, Revision
from .editing import MAX_DOCUMENT_CHARS
from .errors import Code, ReportError
from .services import check_may_draft, editable_revision

# The editor's text fields (see reports.documents.editing): the buttons, the revision and version
# and the CSRF token are not her text.
EDITOR_FIELD = re.compile(r"(title|signature|date|[hpeic]:[\w.-]{1,80})")
TOO_LARGE = "自动保存的内容太长，已停止自动保存。请尽快点“保存”。"
OLD_REVISION = "这个编辑页面打开的是报告的旧稿，报告已重新打开过，自动保存已停止。请复制您的文字，重新打开编辑页面后再粘贴。"
NOTHING_TO_KEEP = "没有收到编辑框里的文字，未自动保存。"


def editor_fields(data) -> dict[str, str]:
    """The editor's text fields from a posted form, by name."""
    return {name: data.get(name, "") for name in data if EDITOR_FIELD.fullmatch(name)}


def _without_controls(value: str) -> str:
    # A NUL cannot be stored in jsonb, and no control character belongs in a document (the real
    # save drops them too); line breaks and tabs are her text.
    return "".join(ch for ch in value if ch in "\t\n\r" or unicodedata.category(ch) != "Cc")


def _check_revision(revision: Revision, revision_number: int) -> None:
    # An editor left open since before a reopen holds the old revision's text: kept against the
    # new revision it would be offered back there as if written for it.
    if revision.number != revision_number:
        raise ReportError(OLD_REVISION, code=Code.OLD_REVISION)


def _check_size(fields: dict[str, str]) -> None:
    # The same bound as the document: what could not be saved is not kept either. The names are
    # counted too, so that many empty fields cannot make it large.
    if sum(len(name) + len(value) for name, value in fields.items()) > 2 * MAX_DOCUMENT_CHARS:
        raise ReportError(TOO_LARGE, code=Code.DOCUMENT_TOO_LONG)
    if sum(len(value) for value in fields.values()) > MAX_DOCUMENT_CHARS:
        raise ReportError(TOO_LARGE, code=Code.DOCUMENT_TOO_LONG)


@transaction.atomic
def store(*, report: Report, revision_number: int, fields: dict[str, str], user) -> Autosave:
    """Keep her unsaved text for the report's current revision, replacing what was kept before.
    `revision_number` is the revision her editor was opened on; `fields` come from
    editor_fields(). Nothing at all is not kept: the editor would offer an empty text back."""
    check_may_draft(user, report.branch)
    revision = editable_revision(report)
    _check_revision(revision, revision_number)
    if not fields:
        raise ReportError(NOTHING_TO_KEEP, code=Code.NOTHING_TO_KEEP)
    fields = {name: _without_controls(value) for name, value in fields.items()}
    _check_size(fields)
    autosave, _ = Autosave.objects.update_or_create(user=user, revision=revision, defaults={"fields": fields})
    return autosave


def pending(*, revision: Revision, user) -> Autosave | None:
    """Her kept text if it is newer than the revision's last real save (by anyone), else None:
    text older than a save would put back what that save replaced."""
    return Autosave.objects.filter(user=user, revision=revision, updated_at__gt=revision.updated_at).first()


def forget(*, revision: Revision, user) -> None:
    """Drop her kept text: she saved, or chose 丢弃."""
    Autosave.objects.filter(user=user, revision=revision).delete()

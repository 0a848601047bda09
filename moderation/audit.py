"""The audit log's one writer. Every moderator action goes through record()."""

from moderation.models import AuditEntry

Action = AuditEntry.Action


def describe(target) -> tuple[str, int, str, str]:
    """(kind, id, label, url) for a question, answer, comment or person."""
    kind = getattr(target, "kind", "user")
    if kind == "question":
        label = target.title
    elif kind == "answer":
        label = f"Answer to “{target.question.title}”"
    elif kind == "comment":
        label = f"Comment: {target.body[:120]}"
    elif target.is_erased:  # a deleted account: its old handle is not kept anywhere
        return kind, target.pk, target.public_name, ""
    else:
        label = f"@{target.username}"
    return kind, target.pk, label[:200], target.get_absolute_url()


def record(
    *, actor, action: str, target, reason: str = "", details: dict | None = None
) -> AuditEntry:
    kind, target_id, label, url = describe(target)
    return AuditEntry.objects.create(
        actor=actor,
        action=action,
        target_kind=kind,
        target_id=target_id,
        target_label=label,
        target_url=url,
        reason=reason.strip(),
        details=details or {},
    )

"""Two people editing one post: the second to save must not silently undo the first.

An edit form carries the number of the revision it was opened on (`base_revision`). Saving
checks it, with the post's row locked, against the post's latest revision: if someone saved a
newer one meanwhile, the edit raises EditConflict instead of overwriting it. The form comes
back with the editor's own text, the difference between the revision they started from and the
current one, and `base_revision` moved to the current revision: saving again is then a decision
taken knowing what it replaces.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django import forms

from core.http import form_status
from forum.models import Answer, Question, Revision
from forum.revisions import RevisionDiff, revision_diff


class EditConflict(Exception):
    def __init__(self, *, base: Revision | None, current: Revision):
        super().__init__(
            f"Revision {current.number} was saved after revision "
            f"{base.number if base else '?'}, which this edit started from."
        )
        self.base = base
        self.current = current

    @property
    def diff(self) -> RevisionDiff | None:
        return revision_diff(self.base, self.current) if self.base else None


def base_revision_field() -> forms.IntegerField:
    return forms.IntegerField(widget=forms.HiddenInput, required=False, min_value=1)


def latest_number(post: Question | Answer) -> int | None:
    return post.revisions.order_by("-number").values_list("number", flat=True).first()


def check_base(post: Question | Answer, base_revision: int | None) -> None:
    """Raise EditConflict if `post` has a newer revision than `base_revision` (None: an edit
    that did not say what it started from, such as a rollback, is never a conflict)."""
    if base_revision is None:
        return
    current = post.revisions.select_related("level").order_by("-number").first()
    if current is None or current.number <= base_revision:
        return
    base = post.revisions.select_related("level").filter(number=base_revision).first()
    raise EditConflict(base=base, current=current)


def reopened(form: forms.Form, conflict: EditConflict, **kwargs) -> forms.Form:
    """The editor's form again, with their text, now based on the current revision."""
    data = form.data.copy()
    data["base_revision"] = str(conflict.current.number)
    reopened_form = type(form)(data, **kwargs)
    reopened_form.is_valid()
    return reopened_form


@dataclass
class Attempt:
    """What came of saving an edit form: saved, or sent back (`form`, and `conflict` when a
    newer revision was in the way)."""

    saved: bool
    form: forms.Form
    conflict: EditConflict | None = None
    value: object = None  # what `save` returned

    @property
    def status(self) -> int:
        """The status of the page that shows the form again: 409 for a conflict."""
        return 409 if self.conflict else form_status(self.form)


def attempt(form: forms.Form, save: Callable[[], object], **form_kwargs) -> Attempt:
    """Run `save` (the service call); on EditConflict, the form again with the editor's text
    on the current revision (`form_kwargs` build it, as the view built the first)."""
    try:
        value = save()
    except EditConflict as error:
        return Attempt(saved=False, form=reopened(form, error, **form_kwargs), conflict=error)
    return Attempt(saved=True, form=form, value=value)

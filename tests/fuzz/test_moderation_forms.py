"""Fuzzing moderation's forms: flag, close (as a duplicate too), the actions that take a reason
(hide, lock, curate, warn, reveal, reopen, unlock, restore, dismiss, un-curate), suspend,
featuring, and the audit log's filter."""

from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from forum.models import Answer, Feature, Question
from moderation.forms import (
    CloseForm,
    CurateForm,
    FlagForm,
    ReasonForm,
    RevealForm,
    SuspendForm,
    WarnForm,
)
from moderation.models import AuditEntry, Flag, Suspension
from moderation.services.curation import answer_curate
from moderation.services.questions import question_close, question_lock
from moderation.services.visibility import contribution_hide
from tests.factories import AnswerFactory, QuestionFactory, UserFactory, superuser
from tests.fuzz import strategies as S
from tests.fuzz.support import (
    FuzzCase,
    as_client,
    assert_fits,
    assert_new_rows_fit,
    fuzz,
    last_pk,
    posted,
    refused,
    row_values,
)
from tests.moderation.factories import flag, moderator

REASON = S.text(0, 300)


class ModerationScene(FuzzCase):
    @classmethod
    def setUpTestData(cls):
        cls.member = UserFactory()
        cls.author = UserFactory()
        cls.mod = moderator()
        cls.other_mod = moderator()
        cls.root = superuser()
        cls.question = QuestionFactory(author=cls.author)
        cls.answer = AnswerFactory(question=cls.question, author=cls.member)
        cls.anonymous = QuestionFactory(author=cls.author, is_anonymous=True)
        cls.original = QuestionFactory()
        cls.hidden_question = QuestionFactory()
        contribution_hide(moderator=cls.mod, contribution=cls.hidden_question, reason="spam")
        # Questions and answers in every state an action with an optional reason undoes.
        cls.closed = QuestionFactory()
        question_close(moderator=cls.mod, question=cls.closed, reason="off-topic", note="")
        cls.locked = QuestionFactory()
        question_lock(moderator=cls.mod, question=cls.locked, reason="heated")
        cls.curated = AnswerFactory(question=cls.question)
        answer_curate(moderator=cls.mod, answer=cls.curated, note="Worth reading.")
        cls.flagged = AnswerFactory(question=cls.question)
        flag(cls.flagged)
        cls.hidden_answer = AnswerFactory(question=cls.question)
        contribution_hide(moderator=cls.mod, contribution=cls.hidden_answer, reason="spam")
        cls.users = {
            u.username: u for u in (cls.member, cls.author, cls.mod, cls.other_mod, cls.root)
        }


def duplicate_of(*pks):
    """What a moderator pastes as the original: numbers, addresses, and anything else."""
    number = st.sampled_from(pks)
    return S.mostly(
        st.one_of(
            number.map(str),
            number.map(lambda pk: f"/questions/{pk}/"),
            number.map(lambda pk: f"http://testserver/questions/{pk}/some-slug/?x=1#y"),
            number.map(lambda pk: f"  {pk}\n"),
        ),
        st.one_of(
            S.junk_text(300),
            st.sampled_from(["²", "١٢", "http://[::1", "//", "/questions/", "/moderation/"]),
            st.integers(min_value=-(2**70), max_value=2**70).map(str),
        ),
    )


class TestFlagAndClose(ModerationScene):
    @fuzz
    @given(
        data=S.form({"reason": S.choice(Flag.Reason.values), "text": S.text(0, 500)}),
        kind=st.sampled_from(["question", "answer"]),
    )
    @example(data={"reason": "spam", "text": "nul \x00"}, kind="answer")
    def test_flag(self, data, kind):
        target = self.question if kind == "question" else self.answer
        since = last_pk(Flag)
        url = reverse("moderation:flag", kwargs={"kind": kind, "pk": target.pk})
        browser = as_client(self.member if kind == "question" else self.author)
        response = self.submit("moderation: flag", browser, url, data)
        self.tally("moderation: flag", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        form = FlagForm(posted(response))
        assert form.is_valid()
        for row in assert_new_rows_fit(Flag, since):
            assert row.text == form.cleaned_data["text"]

    @fuzz
    @given(data=st.data())
    @example(data=None)
    def test_close(self, data):
        pks = (self.original.pk, self.question.pk, self.hidden_question.pk, self.closed.pk)
        fields = {
            "reason": S.choice(Question.CloseReason.values),
            "duplicate_of": duplicate_of(*pks),
            "note": S.text(0, 300),
        }
        post = (
            {"reason": "duplicate", "duplicate_of": "²", "note": ""}
            if data is None
            else data.draw(S.form(fields))
        )
        since = last_pk(AuditEntry)
        before = row_values(self.question)
        url = reverse("moderation:close", kwargs={"pk": self.question.pk})
        response = self.submit("moderation: close", as_client(self.mod), url, post)
        question = Question.objects.get(pk=self.question.pk)
        self.tally("moderation: close", question.closed_at is not None)
        if question.closed_at is None:
            self.assert_no_writes(response, (self.question, before))
            return
        form = CloseForm(posted(response), question=self.question)
        assert form.is_valid()
        assert question.close_reason == form.cleaned_data["reason"]
        assert question.close_note == form.cleaned_data["note"]
        assert question.duplicate_of == form.cleaned_data.get("original")
        assert_fits(question)
        assert len(assert_new_rows_fit(AuditEntry, since)) == 1


# The actions that take an optional reason, and the object each acts on.
OPTIONAL = {
    "reopen": ("question", "closed"),
    "unlock": ("question", "locked"),
    "uncurate": ("answer", "curated"),
    "dismiss": ("answer", "flagged"),
    "restore": ("answer", "hidden_answer"),
}
# The actions that need a reason (or note), with the form that checks it.
REQUIRED = {
    "hide": ("answer", "answer", ReasonForm, "reason"),
    "lock": ("question", "question", ReasonForm, "reason"),
    "curate": ("answer", "answer", CurateForm, "note"),
}


def _url(action: str, kind: str, pk: int) -> str:
    if action in ("reopen", "unlock", "lock", "close"):
        return reverse(f"moderation:{action}", kwargs={"pk": pk})
    if action in ("curate", "uncurate"):
        return reverse(f"moderation:{action}", kwargs={"pk": pk})
    return reverse(f"moderation:{action}", kwargs={"kind": kind, "pk": pk})


class TestReasonForms(ModerationScene):
    @fuzz
    @given(
        action=st.sampled_from(sorted(OPTIONAL)),
        data=S.form({"reason": REASON}),
        who=st.sampled_from(["mod", "mod", "member"]),
    )
    def test_optional_reason(self, action, data, who):
        kind, name = OPTIONAL[action]
        since = last_pk(AuditEntry)
        url = _url(action, kind, getattr(self, name).pk)
        response = self.submit(
            "moderation: optional reason", as_client(getattr(self, who)), url, data
        )
        self.tally("moderation: optional reason", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        for entry in assert_new_rows_fit(AuditEntry, since):
            assert "\x00" not in entry.reason
            assert len(entry.reason) <= 300

    @fuzz
    @given(
        action=st.sampled_from(sorted(REQUIRED)),
        data=st.one_of(S.form({"reason": REASON}), S.form({"note": S.text(0, 280)})),
        who=st.sampled_from(["mod", "mod", "member"]),
    )
    @example(action="hide", data={"reason": "\x00"}, who="mod")
    def test_required_reason(self, action, data, who):
        kind, name, form_class, field = REQUIRED[action]
        target = getattr(self, name)
        before = row_values(target)
        since = last_pk(AuditEntry)
        url = _url(action, kind, target.pk)
        response = self.submit(
            "moderation: hide, lock, curate", as_client(getattr(self, who)), url, data
        )
        written = last_pk(AuditEntry) != since
        self.tally("moderation: hide, lock, curate", written)
        if not written:
            self.assert_no_writes(response, (target, before))
            return
        form = form_class(posted(response))
        assert who == "mod"
        assert form.is_valid()
        (entry,) = assert_new_rows_fit(AuditEntry, since)
        assert_fits(type(target)._base_manager.get(pk=target.pk))
        if field == "reason":
            assert entry.reason == form.cleaned_data["reason"]
        else:
            assert Answer.objects.get(pk=target.pk).curated_note == form.cleaned_data["note"]

    @fuzz
    @given(
        data=S.form({"message": S.text(0, 1000)}),
        kind=st.sampled_from(["question", "answer"]),
    )
    def test_warn(self, data, kind):
        target = self.question if kind == "question" else self.answer
        since = last_pk(AuditEntry)
        url = reverse("moderation:warn", kwargs={"kind": kind, "pk": target.pk})
        response = self.submit("moderation: warn", as_client(self.mod), url, data)
        self.tally("moderation: warn", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        form = WarnForm(posted(response))
        assert form.is_valid()
        assert len(assert_new_rows_fit(AuditEntry, since)) == 1

    @fuzz
    @given(data=S.form({"reason": REASON}), who=st.sampled_from(["mod", "member"]))
    def test_reveal(self, data, who):
        since = last_pk(AuditEntry)
        url = reverse("moderation:reveal", kwargs={"kind": "question", "pk": self.anonymous.pk})
        response = self.submit("moderation: reveal", as_client(getattr(self, who)), url, data)
        written = last_pk(AuditEntry) != since
        self.tally("moderation: reveal", written)
        if not written:
            assert response.status_code in (400, 403), response.status_code
            self.assert_no_writes(response)
            return
        assert response.status_code == 200
        (entry,) = assert_new_rows_fit(AuditEntry, since)
        assert set(response.writes) == {AuditEntry._meta.db_table}
        form = RevealForm(posted(response))
        assert form.is_valid()
        assert entry.reason == form.cleaned_data["reason"]


class TestPeopleAndFeatures(ModerationScene):
    @fuzz
    @given(
        data=S.form({"days": S.number(1, Suspension.MAX_DAYS), "reason": REASON}),
        who=st.sampled_from(["mod", "mod", "root"]),
        target=st.sampled_from(["member", "author", "mod", "other_mod", "root"]),
    )
    def test_suspend(self, data, who, target):
        person = getattr(self, target)
        browser = as_client(getattr(self, who))
        before = row_values(person)
        url = reverse("moderation:suspend", kwargs={"username": person.username})
        response = self.submit("moderation: suspend", browser, url, data)
        self.tally("moderation: suspend", not refused(response))
        if refused(response):
            self.assert_no_writes(response, (person, before))
            return
        form = SuspendForm(posted(response))
        assert form.is_valid()
        suspension = Suspension.objects.latest("pk")
        assert suspension.reason == form.cleaned_data["reason"]
        assert_fits(suspension)
        assert_fits(person)

    @fuzz
    @given(
        where=S.mostly(st.sampled_from(["home", *S.LEVELS]), S.junk_text(40)),
        direction=S.choice(["up", "down"]),
    )
    @example(where="\x00", direction="up")
    def test_feature(self, where, direction):
        """Featuring a question (where: home or a level), then moving the feature."""
        since = last_pk(AuditEntry)
        url = reverse("moderation:feature", kwargs={"pk": self.question.pk})
        response = self.submit("moderation: feature", as_client(self.mod), url, {"where": where})
        self.tally("moderation: feature", not refused(response))
        if refused(response):
            self.assert_no_writes(response)
            return
        assert_new_rows_fit(AuditEntry, since)
        feature = Feature.objects.order_by("-pk").first()
        if feature is not None:
            url = reverse("moderation:feature_move", kwargs={"pk": feature.pk})
            moved = self.submit(
                "moderation: move a feature", as_client(self.mod), url, {"direction": direction}
            )
            self.tally("moderation: move a feature", not refused(moved))

    @fuzz
    @given(
        params=S.form(
            {
                "action": S.choice(AuditEntry.Action.values),
                "actor": S.choice(["mod-ada", "nobody"]),
                "kind": S.choice(["question", "answer", "comment", "user"]),
                "page": S.number(1, 3),
            },
            extra=False,
        )
    )
    def test_audit_log_filter(self, params):
        response = self.submit(
            "moderation: audit log filter",
            as_client(self.mod),
            reverse("moderation:log"),
            params,
            method="get",
        )
        self.tally("moderation: audit log filter", response.status_code == 200)
        self.assert_no_writes(response)

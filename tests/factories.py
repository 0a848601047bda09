import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from accounts.privileges import REPUTATION

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"engineer{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.com")
    display_name = factory.Faker("name")
    headline = "Backend Engineer"
    level_code = "L4"
    band = "mid"
    # Past the welcome step, like every member who joined before it (accounts migration 0009);
    # the welcome tests make newcomers with welcomed_at=None.
    welcomed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def password(self, create, extracted, **kwargs):
        self.set_password(extracted or PASSWORD)
        if create:
            self.save(update_fields=["password"])

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A primary, verified e-mail, as allauth leaves it after confirmation."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, primary=True, verified=True)


class _ServiceFactory(factory.Factory):
    """Forum rows are made through the services, so counters and the search index stay true."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, **kwargs):
        return cls.service(**kwargs)


def _level(slug: str):
    from ladder.models import Level

    return Level.objects.get(slug=slug)


class QuestionFactory(_ServiceFactory):
    class Meta:
        model = "forum.Question"

    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"How do I show senior-level impact, case {n}?")
    body = (
        "I have been mid-level for two years and my reviews say I am close. What should I do next?"
    )
    level = factory.LazyFunction(lambda: _level("mid"))
    tags = factory.LazyFunction(lambda: ["promotion"])
    is_anonymous = False

    @staticmethod
    def service(**kwargs):
        from forum.services.questions import question_create

        return question_create(**kwargs)


class AnswerFactory(_ServiceFactory):
    class Meta:
        model = "forum.Answer"

    author = factory.SubFactory(UserFactory)
    question = factory.SubFactory(QuestionFactory)
    body = "Write down what senior means at your company and ask your manager where you fall short."
    is_anonymous = False

    @staticmethod
    def service(**kwargs):
        from forum.services.answers import answer_create

        return answer_create(**kwargs)


class CommentFactory(_ServiceFactory):
    class Meta:
        model = "forum.Comment"

    author = factory.SubFactory(UserFactory)
    post = factory.SubFactory(QuestionFactory)
    body = "Could you say more about what your manager asked for?"

    @staticmethod
    def service(**kwargs):
        from forum.services.comments import comment_create

        return comment_create(**kwargs)


def superuser() -> User:
    """Only a superuser may suspend a moderator (moderation.rules.can_suspend)."""
    return UserFactory(is_superuser=True, is_staff=True)


def holder(privilege, **kwargs) -> User:
    """A member with just enough reputation for `privilege` (accounts/privileges.py)."""
    return UserFactory(reputation=REPUTATION[privilege], **kwargs)

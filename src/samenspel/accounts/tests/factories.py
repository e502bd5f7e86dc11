import factory

from samenspel.accounts.models import User

PASSWORD = "correct-horse-battery-staple"
# The demo accounts of the session's data set (root conftest) have this password.
DEMO_TEST_PASSWORD = "demo-test-1234"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()

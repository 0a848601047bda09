from tests.forum.anonymity.scene import scene  # noqa: F401 - the fixture

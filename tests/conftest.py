import pytest


@pytest.fixture(scope="session")
def ginza():
    """Bare GiNZA, loaded once per test session (tests using it are marked `model`)."""
    import spacy
    return spacy.load("ja_ginza")

"""The seed pages come out exactly as the hand-checked expected files."""

from conftest import SEEDS

from cleantext import clean, explain


def test_there_are_seed_pages():
    assert len(SEEDS) >= 2


def test_seed_page_cleans_to_expected(seed):
    raw, expected = seed
    assert clean(raw) == expected


def test_expected_output_is_stable(seed):
    _, expected = seed
    assert clean(expected) == expected


def test_pages_joined_by_form_feed_clean_page_by_page(seed):
    raw, expected = seed
    assert clean(raw + "\f" + raw) == expected + "\f" + expected


def test_explain_accounts_for_every_removed_character(seed):
    raw, expected = seed
    changes = explain(raw)
    assert {c.step for c in changes} >= {"column-wrap", "layout-spaces"}
    removed = sum(len(c.before) - len(c.after) for c in changes)
    assert removed == len(raw) - len(expected)
    for c in changes:
        assert 0 <= c.start <= c.end <= len(raw)

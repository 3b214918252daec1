"""The seed pages come out exactly as the hand-checked expected files."""

import pytest
from conftest import SEEDS
from generators import SEED_PARAGRAPHS, acceptable_wrap, wrap

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


def test_a_million_characters_of_clean_prose_pass_through():
    """Clean newspaper prose, one paragraph per line, comes out identical."""
    import random

    from conftest import EXPECTED

    blocks = [
        line
        for path in sorted(EXPECTED.glob("*.txt"))
        for line in path.read_text(encoding="utf-8").splitlines()
    ]
    blocks += [  # real reduplication in clean prose
        "人人都是营商环境，事事关乎营商环境，大家要看看、想想、研究研究。",
        "孩子们高高兴兴地上学，哈哈大笑，紧紧围绕面对面、一对一的帮扶。",
        "学习习近平新时代中国特色社会主义思想，转变工作作风，推进政协协商。",
    ]
    rng = random.Random(3)
    text, size, previous = [], 0, None
    while size < 1_000_000:
        block = rng.choice(blocks)
        if block == previous:
            continue  # a block printed twice in a row is an artifact
        text.append(block + "\n")
        size += len(block) + 1
        previous = block
    prose = "".join(text)
    assert clean(prose) == prose


@pytest.mark.parametrize("separator", ["\n", "\n\n"], ids=["lines", "blank-lines"])
def test_every_seed_paragraph_rewrapped_at_every_column_width_comes_back(separator):
    """Each body paragraph of the expected pages, typeset at 12 to 40 cells
    (with the typesetter's hanging punctuation and kinsoku), comes back whole;
    wraps that the SPEC leaves ambiguous (see generators.acceptable_wrap) are left out."""
    wrong = []
    for paragraph in SEED_PARAGRAPHS:
        for width in range(12, 41):
            lines = wrap(paragraph, width)
            if acceptable_wrap(lines, width) and clean(separator.join(lines) + "\n") != paragraph + "\n":
                wrong.append((width, paragraph[:12]))
    assert not wrong

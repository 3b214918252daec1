"""Pipelines: composition, explanation, offsets, pickling, threads."""

import pickle
from concurrent.futures import ThreadPoolExecutor

import pytest

from cleantext import Pipeline, clean, explain, get_step, pipeline, presets, step_names
from cleantext.pipeline import apply_edits


def test_default_pipeline_is_the_newspaper_preset():
    assert pipeline().names == list(presets()["newspaper-zh"])
    assert set(pipeline().names) <= set(step_names())
    assert pipeline().names[:3] == ["text-hygiene", "lookalike-glyphs", "latin-ligatures"]
    assert pipeline("ocr-en").names[:3] == ["text-hygiene", "lookalike-glyphs", "latin-ligatures"]


def test_from_names_without_and_only():
    p = Pipeline.from_names(["layout-spaces", "column-wrap"])
    assert p.names == ["layout-spaces", "column-wrap"]
    assert pipeline().without("headlines").names == pipeline().names[:-1]
    assert pipeline().only("headlines", "text-hygiene").names == ["text-hygiene", "headlines"]
    assert Pipeline.from_names(["text-hygiene", "doubled-glyphs"]).adding("lookalike-glyphs").names == [
        "text-hygiene", "lookalike-glyphs", "doubled-glyphs"]
    assert pipeline().adding("opencc-t2s", "cjk-punctuation").names[-4:] == [
        "cjk-punctuation", "layout-spaces", "headlines", "opencc-t2s"]
    # the caller's order stays; an added step goes after the last one that precedes it
    assert Pipeline.from_names(["layout-spaces", "column-wrap"]).adding("split-numbers").names == [
        "layout-spaces", "column-wrap", "split-numbers"]
    # only() takes opt-in steps too, each at its place
    assert pipeline().only("cjk-punctuation", "column-wrap").names == ["column-wrap", "cjk-punctuation"]
    assert pipeline().only("cjk-punctuation")("你好,世界!") == "你好，世界！"
    with pytest.raises(ValueError, match="unknown OpenCC config 'x2y'"):
        get_step("opencc-x2y")
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        pipeline().without("nope")
    with pytest.raises(ValueError, match="unknown preset"):
        pipeline("nope")


def test_a_left_out_step_is_left_out():
    raw = "陈 刚\n"
    assert clean(raw) == "陈刚\n"
    assert pipeline().without("layout-spaces")(raw) == raw


def test_explain_offsets_point_into_the_original_input():
    raw = "\ufeff  本报讯 6月 22日，\n\n会议召开。\n"
    changes = explain(raw)
    for c in changes:
        assert 0 <= c.start <= c.end <= len(raw)
    spaces = [c for c in changes if c.step == "layout-spaces"]
    assert [raw[c.start : c.end] for c in spaces] == [" ", " "]
    assert [c.start for c in spaces] == [raw.index(" 6"), raw.index(" 22")]
    assert explain("干净的文本。\n") == []


def test_explain_records_step_before_and_after():
    raw = "近日近日，，文县政协机关全体党员干部分赴文县政协机关全体党员干部分赴\n"
    (change,) = explain(raw)
    assert change.step == "doubled-glyphs"
    assert (change.start, change.end) == (0, len(raw) - 1)
    assert change.after == "近日，文县政协机关全体党员干部分赴"
    assert change.to_dict()["before"] == raw[:-1]


def test_edits_apply_to_the_steps_own_output():
    step = get_step("layout-spaces")
    raw = "成 效 ，真 正"
    assert apply_edits(raw, step.edits(raw)) == step(raw) == "成效，真正"


def test_pipelines_and_steps_pickle():
    p = pipeline().without("headlines")
    again = pickle.loads(pickle.dumps(p))
    assert again.names == p.names
    assert again("陈 刚\n") == "陈刚\n"
    assert pickle.loads(pickle.dumps(get_step("column-wrap"))) is get_step("column-wrap")


def test_one_pipeline_is_safe_to_share_between_threads(seed):
    raw, expected = seed
    with ThreadPoolExecutor(max_workers=8) as pool:
        results = list(pool.map(pipeline(), [raw] * 32))
    assert results == [expected] * 32


def test_importing_loads_no_normalizer_or_heavy_dependency():
    import subprocess
    import sys

    code = (
        "import sys, cleantext; "
        "heavy = [m for m in ('opencc', 'rapidfuzz', 'cleantext.normalizers') if m in sys.modules]; "
        "print(heavy)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"

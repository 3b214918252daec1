"""The adapters of examples/ run against the real libraries: datatrove's
formatter (CI installs datatrove) and Data-Juicer's mapper (where it is
installed; CI does not: some 600 MB). Each test is skipped when its library
is absent."""

from __future__ import annotations

import importlib.util
import sys

import pytest

from cleantext import clean

from conftest import ROOT

RAW = "本报讯 6月 22日，会议召開。\n\n陈 刚\n说"


def _example(name: str):
    """examples/NAME.py imported once, as the module NAME (how a user imports it)."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "examples" / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


def test_datatrove_formatter_cleans_documents_and_keeps_the_rest():
    pytest.importorskip("datatrove")
    from datatrove.data import Document

    step = _example("datatrove_formatter").CleantextFormatter(opencc="t2s")
    nan = float("nan")
    documents = [Document(text=RAW, id="a", metadata={"page": 3}),
                 Document(text=None, id="b", metadata={"page": 4}),
                 Document(text=nan, id="c"),
                 Document(text="标题", id="d")]
    out = list(step(iter(documents)))
    assert [d.id for d in out] == ["a", "b", "c", "d"]
    assert out[0].text == "本报讯6月22日，会议召开。\n陈刚说" == clean(RAW.replace("開", "开"), final_newline=False)
    assert out[1].text is None and out[2].text is nan and out[3].text == "标题"
    assert [d.metadata for d in out] == [{"page": 3}, {"page": 4}, {}, {}]
    assert step.stats["total"].total == 4  # BaseFormatter's own bookkeeping still runs


def test_datatrove_formatter_rejects_bad_options_when_made():
    pytest.importorskip("datatrove")
    formatter = _example("datatrove_formatter").CleantextFormatter
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        formatter(skip=["nope"])
    with pytest.raises(TypeError, match="unknown option 'presets'"):
        formatter(presets="newspaper-zh")


def test_data_juicer_mapper_cleans_a_batch_and_keeps_the_rest():
    pytest.importorskip("data_juicer")
    mapper = _example("data_juicer_mapper").CleantextMapper(opencc="t2s")
    # the function Data-Juicer maps over a dataset's batches (Mapper.run would
    # also free models, importing torch, which Data-Juicer then installs)
    out = mapper.process({"text": [RAW, None, "标题"], "meta": [{"page": 3}, {"page": 4}, {}]})
    assert out == {"text": ["本报讯6月22日，会议召开。\n陈刚说", None, "标题"],
                   "meta": [{"page": 3}, {"page": 4}, {}]}


def test_data_juicer_mapper_reads_its_options_and_text_key():
    pytest.importorskip("data_juicer")
    mapper_class = _example("data_juicer_mapper").CleantextMapper
    mapper = mapper_class(skip=["layout-spaces"], text_key="body")
    assert mapper.process({"body": ["陈 刚\n\n说"], "id": [1]}) == {"body": ["陈 刚说"], "id": [1]}
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        mapper_class(add=["nope"])

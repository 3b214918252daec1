"""The Ray-free batch API: clean_batch on dicts, pandas and pyarrow; clean_jsonl; clean(final_newline=False)."""

from __future__ import annotations

import doctest
import json
import math
import subprocess
import sys

import pytest

import cleantext
from cleantext import clean, clean_batch, clean_jsonl
from cleantext.batch import RecordError, build_pipeline
from cleantext.io.errors import InputError

RAW = ["本报讯 6月 22日，会议召开。", "陈 刚\n\n说", "这是繁體字"]
CLEAN = [clean(t) for t in RAW]


def test_module_examples():
    import cleantext.batch

    for module in (cleantext, cleantext.batch):
        result = doctest.testmod(module)
        assert result.failed == 0 and result.attempted > 0, module.__name__


def test_clean_final_newline():
    assert clean("标题") == "标题\n"
    assert clean("标题", final_newline=False) == "标题"
    assert clean("标题\n", final_newline=False) == "标题"
    assert clean("", final_newline=False) == ""
    assert clean("陈 刚\n\n说\n", final_newline=False) == "陈刚说"
    assert clean("甲\n\f乙", final_newline=False) == "甲\n\f乙"  # only the last line break goes


def test_dict_of_lists_keeps_other_columns_and_missing_values():
    nan = float("nan")
    batch = {"id": [1, 2, 3, 4, 5], "text": [RAW[0], None, RAW[1], nan, RAW[2]], "score": [0.1, 0.2, 0.3, 0.4, 0.5]}
    out = clean_batch(batch)
    assert out["id"] is batch["id"] and out["score"] is batch["score"]
    assert out["text"][0] == CLEAN[0] and out["text"][2] == CLEAN[1] and out["text"][4] == CLEAN[2]
    assert out["text"][1] is None and math.isnan(out["text"][3])
    assert batch["text"][0] == RAW[0]  # the input is not changed in place
    assert list(out) == ["id", "text", "score"]


def test_final_newline_and_pipeline_options():
    batch = {"body": ["陈 刚說"]}
    assert clean_batch(batch, "body", final_newline=False)["body"] == ["陈刚說"]
    assert clean_batch(batch, "body", skip=["layout-spaces"], opencc="t2s")["body"] == ["陈 刚说\n"]
    chosen = build_pipeline(only=["layout-spaces"])
    assert clean_batch({"text": ["陈 刚\n\n"]}, pipeline=chosen)["text"] == ["陈刚\n\n"]


def test_empty_batch():
    assert clean_batch({"text": [], "id": []}) == {"text": [], "id": []}


def test_bad_values_and_batches_are_named():
    with pytest.raises(RecordError, match=r"record id 'b': TypeError: the 'text' field is not a string but int"):
        clean_batch({"id": ["a", "b"], "text": ["x", 42]})
    with pytest.raises(RecordError, match=r"record at row 1 of the batch"):
        clean_batch({"text": ["x", b"bytes"]})
    with pytest.raises(RecordError, match=r"no 'text' column \(columns: body\)"):
        clean_batch({"body": ["x"]})
    with pytest.raises(TypeError, match="batched=True"):
        clean_batch({"text": "一个文本"})
    with pytest.raises(TypeError, match="not set"):
        clean_batch({"text", "x"})
    with pytest.raises(ValueError, match="unknown step 'nope'"):
        clean_batch({"text": ["x"]}, skip=["nope"])
    with pytest.raises(TypeError, match="list of step names"):
        clean_batch({"text": ["x"]}, skip="layout-spaces")
    with pytest.raises(TypeError, match="unknown option 'skp'"):
        clean_batch({"text": ["x"]}, skp=["layout-spaces"])
    with pytest.raises(TypeError, match="not both"):
        clean_batch({"text": ["x"]}, pipeline=build_pipeline(), preset="ocr-en")


def test_numpy_columns():
    np = pytest.importorskip("numpy")
    out = clean_batch({"text": np.array([RAW[0], None], dtype=object), "n": np.arange(2)})
    assert isinstance(out["text"], np.ndarray) and out["text"].tolist() == [CLEAN[0], None]
    assert out["n"].tolist() == [0, 1]


def test_pandas():
    pd = pytest.importorskip("pandas")
    frame = pd.DataFrame({"id": ["a", "b", "c", "d"], "text": [RAW[0], None, math.nan, RAW[1]], "n": [1, 2, 3, 4]},
                         index=[10, 20, 30, 40])
    out = clean_batch(frame)
    assert isinstance(out, pd.DataFrame) and list(out.columns) == ["id", "text", "n"]
    assert list(out.index) == [10, 20, 30, 40]
    assert out["n"].tolist() == [1, 2, 3, 4] and out["id"].tolist() == ["a", "b", "c", "d"]
    values = out["text"].tolist()
    assert values[0] == CLEAN[0] and values[3] == CLEAN[1]
    assert pd.isna(values[1]) and pd.isna(values[2])
    assert frame["text"].tolist()[0] == RAW[0]  # not changed in place
    typed = pd.DataFrame({"text": pd.array([RAW[1], None], dtype="string")})
    out = clean_batch(typed, final_newline=False)
    assert out["text"].dtype == typed["text"].dtype
    assert out["text"].iloc[0] == "陈刚说" and out["text"].iloc[1] is pd.NA
    with pytest.raises(RecordError, match="record id 'y'"):
        clean_batch(pd.DataFrame({"id": ["x", "y"], "text": ["a", 3]}))


def test_pyarrow():
    pa = pytest.importorskip("pyarrow")
    table = pa.table({"id": [1, 2, 3], "text": [RAW[0], None, RAW[2]], "meta": [{"k": 1}, {"k": 2}, {"k": 3}]})
    out = clean_batch(table)
    assert isinstance(out, pa.Table) and out.schema.names == ["id", "text", "meta"]
    assert out.column("text").to_pylist() == [CLEAN[0], None, CLEAN[2]]
    assert out.column("meta").equals(table.column("meta")) and out.column("id").equals(table.column("id"))
    big = pa.table({"text": pa.array([RAW[1]], pa.large_string())})
    assert clean_batch(big).column("text").type == pa.large_string()
    record_batch = pa.RecordBatch.from_pydict({"text": [RAW[1], None], "n": [1, 2]})
    out = clean_batch(record_batch, final_newline=False)
    assert isinstance(out, pa.RecordBatch) and out.column(0).to_pylist() == ["陈刚说", None]
    assert out.column(1).to_pylist() == [1, 2]
    unchanged = pa.table({"text": ["已清洗\n"]})
    assert clean_batch(unchanged) is unchanged
    with pytest.raises(RecordError, match="record id 2"):
        clean_batch(pa.table({"id": [1, 2], "text": [None, 2]}))
    with pytest.raises(RecordError, match="no 'text' column"):
        clean_batch(pa.table({"body": ["x"]}))


def test_no_pandas_pyarrow_or_command_line_imported_for_a_dict(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"text": "陈 刚"}\n', encoding="utf-8")
    code = ("import sys, cleantext; cleantext.clean_batch({'text': ['陈 刚']}); "
            f"cleantext.clean_jsonl({str(source)!r}, {str(tmp_path / 'out.jsonl')!r}); "
            "print(sorted(m for m in ('pandas', 'pyarrow', 'numpy', 'cleantext.cli', 'cleantext.cli.dedup') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


def _write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_clean_jsonl_equals_the_command(tmp_path):
    records = [{"id": i, "text": RAW[i % 3], "tags": ["x", i]} for i in range(9)]
    source = tmp_path / "in.jsonl"
    _write_jsonl(source, records)
    (tmp_path / "two.jsonl").write_text('{"text": "6月 22日"}\n\n{"text": "已清洗\\n"}\n', encoding="utf-8")
    summary = clean_jsonl([source, tmp_path / "two.jsonl"], tmp_path / "lib.jsonl", jobs=2, count_steps=True)
    assert summary.records == 11 and summary.changed == 10 and summary.steps["layout-spaces"] > 0
    command = subprocess.run([sys.executable, "-m", "cleantext", "--jsonl", str(source), str(tmp_path / "two.jsonl"),
                              "-o", str(tmp_path / "cli.jsonl")], capture_output=True, timeout=120)
    assert command.returncode == 0, command.stderr
    assert (tmp_path / "lib.jsonl").read_bytes() == (tmp_path / "cli.jsonl").read_bytes()
    lines = (tmp_path / "lib.jsonl").read_text(encoding="utf-8").splitlines()
    assert [json.loads(line)["text"] for line in lines[:9]] == [CLEAN[i % 3] for i in range(9)]
    assert json.loads(lines[0])["tags"] == ["x", 0]


def test_clean_jsonl_options_and_errors(tmp_path):
    source = tmp_path / "in.jsonl"
    source.write_text('{"body": "陈 刚"}\nnot json\n{"body": 3}\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    with pytest.raises(InputError, match=r"in\.jsonl:2: not JSON"):
        clean_jsonl(str(source), out, "body")
    assert not out.exists()  # nothing half-written
    summary = clean_jsonl(str(source), out, "body", on_error="skip", skip=["layout-spaces"])
    assert summary.bad_lines == 2 and out.read_text(encoding="utf-8") == '{"body": "陈 刚\\n"}\n'
    with pytest.raises(InputError, match="is also an input"):
        clean_jsonl(source, source, "body", on_error="keep")
    with pytest.raises(InputError, match="no such file"):
        clean_jsonl(tmp_path / "missing.jsonl", out)
    with pytest.raises(ValueError, match="on_error"):
        clean_jsonl(source, out, on_error="ignore")
    with pytest.raises(ValueError, match="jobs"):
        clean_jsonl(source, out, jobs=-1)

"""The Ray engine (cleantext[ray]) against the local engine, on a local Ray limited to 2 CPUs."""

import json
import random
import re
import signal
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

ray = pytest.importorskip("ray", reason="the Ray engine needs the extra: pip install 'cleantext-cjk[ray]'")
pytest.importorskip("ray.data", reason="the Ray engine needs the extra: pip install 'cleantext-cjk[ray]'")

from cleantext import clean  # noqa: E402
from cleantext.dedup import Deduper, clusters  # noqa: E402
from cleantext.ray_engine import CleanBatch, RecordError, clean_jsonl_files, dedup_jsonl, ray_init  # noqa: E402

pytestmark = pytest.mark.slow  # a local Ray starts for the module: seconds before the first test

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
EXPECTED = sorted((ROOT / "tests" / "data" / "expected").glob("*.txt"))


@pytest.fixture(scope="module", autouse=True)
def local_ray():
    ray_init(num_cpus=2)  # RAY_ADDRESS is not used: tests always start their own Ray
    yield
    ray.shutdown()


@contextmanager
def deadline(seconds):
    """Fail instead of hanging."""

    def expired(*_):
        raise TimeoutError(f"no result within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def raw_records():
    """Records from the seed pages: pieces of raw page text with other fields of several types."""
    rng = random.Random(7)
    records = []
    for path in SEEDS:
        text = path.read_text(encoding="utf-8")
        pieces = [p for p in re.split(r"\n\n(?=\S)", text) if p.strip()]
        for i, piece in enumerate(pieces):
            records.append({"id": f"{path.stem}-{i}", "text": piece, "n": i, "score": rng.random(),
                            "tags": ["a", {"b": None}], "note": "不变 ascii"})
    return records


def write_jsonl(path, records):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")


def test_clean_jsonl_files_equals_local_engine(tmp_path):
    records = raw_records()
    half = len(records) // 2
    inputs = [tmp_path / "a.jsonl", tmp_path / "b.jsonl"]
    write_jsonl(inputs[0], records[:half] * 40)  # a few ranges of ~1 MB: order across workers matters
    write_jsonl(inputs[1], records[half:])
    with inputs[1].open("a", encoding="utf-8") as f:
        f.write('{"text": "已经干净。\\n", "id": 1}\n')  # unchanged: written as read (key order, escapes)
    local = tmp_path / "local"
    subprocess.run([sys.executable, "-m", "cleantext", "--jsonl", *map(str, inputs), "--out-dir", str(local)],
                   check=True, capture_output=True)
    with deadline(300):
        clean_jsonl_files([str(p) for p in inputs], str(tmp_path / "ray"))
    for path in inputs:
        assert (tmp_path / "ray" / path.name).read_bytes() == (local / path.name).read_bytes()
    first = json.loads((tmp_path / "ray" / "a.jsonl").read_text(encoding="utf-8").splitlines()[0])
    assert first["text"] == clean(records[0]["text"]) and first["tags"] == records[0]["tags"]


@pytest.mark.parametrize("batch_format", ["pyarrow", "pandas"])
def test_clean_batch_cleans_one_column(batch_format):
    records = raw_records()
    ds = ray.data.from_items(records).map_batches(
        CleanBatch, fn_constructor_kwargs={"preset": "newspaper-zh"}, batch_format=batch_format,
        batch_size=5, concurrency=2)
    with deadline(300):
        rows = sorted(ds.take_all(), key=lambda r: records.index(next(x for x in records if x["id"] == r["id"])))
    assert [r["text"] for r in rows] == [clean(r["text"]) for r in records]
    assert [r["score"] for r in rows] == [r["score"] for r in records]
    assert [r["note"] for r in rows] == [r["note"] for r in records]


def test_clean_batch_options():
    batch = CleanBatch(skip=["layout-spaces"], opencc="t2s")
    import pyarrow as pa

    out = batch(pa.table({"body": ["x"], "text": ["陈 刚說"]}))
    assert out.column("text").to_pylist() == ["陈 刚说\n"] and out.column("body").to_pylist() == ["x"]


def test_worker_failure_names_the_record():
    records = [{"id": f"doc-{i}", "text": "本报讯 6月 22日，会议召开。\n"} for i in range(50)]
    records[37]["text"] = 37  # not a string: cleaning it raises in the worker
    # (a block a record: Arrow holds one type a column, so record 37 is a block of its own)
    ds = ray.data.from_items(records, override_num_blocks=len(records)).map_batches(
        CleanBatch, batch_format="pandas", batch_size=1, concurrency=2)
    with deadline(180), pytest.raises(Exception, match="doc-37"):
        ds.materialize()


def test_missing_values_pass_through():
    import pandas as pd
    import pyarrow as pa

    batch = CleanBatch(final_newline=False)
    out = batch(pa.table({"id": [1, 2], "text": ["陈 刚", None]}))
    assert out.column("text").to_pylist() == ["陈刚", None]
    frame = batch(pd.DataFrame({"text": ["陈 刚", float("nan")]}))
    assert frame["text"].iloc[0] == "陈刚" and pd.isna(frame["text"].iloc[1])


def test_jsonl_failure_names_the_line(tmp_path):
    path = tmp_path / "in.jsonl"
    write_jsonl(path, [{"text": "本报讯 6月 22日。\n"}] * 5 + [{"text": 5}] + [{"text": "好。\n"}])
    with deadline(180), pytest.raises(RecordError, match=r"in\.jsonl:6: the 'text' field is not a string"):
        clean_jsonl_files([str(path)], str(tmp_path / "out"))
    assert not (tmp_path / "out" / "in.jsonl").exists()


def test_clean_jsonl_files_reads_and_warns_as_the_local_engine(tmp_path):
    """BOMs, bad lines, NUL bytes and empty inputs: the local engine's output and warnings, in order."""
    import codecs

    records = [json.dumps({"id": i, "text": "本报讯 6月 22日，会议召开。" * 20}, ensure_ascii=False) + "\n"
               for i in range(4000)]  # over 1 MB: several ranges, the BOM only in the first
    inputs = {
        "bom8.jsonl": codecs.BOM_UTF8 + "".join(records).encode("utf-8"),  # UTF-8 whatever --encoding says
        "bom32.jsonl": codecs.BOM_UTF32_BE + "".join(records[:1500]).encode("utf-32-be"),  # 2 MB, one range
        "bad.jsonl": b'{"text": "a  b"}\nnot json\n{"text": 5}\n{"text": "c  d"}\n',  # ASCII: GBK too
        "nul.jsonl": b'{"text": "a\\u0000b"}\n{"text": "x\x00y"}\n',
        "empty.jsonl": b"",
    }
    for name, data in inputs.items():
        (tmp_path / name).write_bytes(data)
    names = [str(tmp_path / name) for name in inputs]
    options = ["--encoding", "gbk", "--on-error", "skip"]
    done = subprocess.run([sys.executable, "-m", "cleantext", "--jsonl", *options, *names, "--out-dir",
                           str(tmp_path / "local")], capture_output=True, text=True, check=True)
    warnings: list[str] = []
    with deadline(300):
        clean_jsonl_files(names, str(tmp_path / "ray"), encoding="gbk", on_error="skip", warn=warnings.append)
    for name in inputs:
        assert (tmp_path / "ray" / name).read_bytes() == (tmp_path / "local" / name).read_bytes()
    assert ["cleantext: warning: " + w for w in warnings] == done.stderr.splitlines()
    assert len(warnings) == 5  # three bad lines, the NUL byte, the empty input


def dedup_corpus():
    """Articles of the checked outputs, with exact copies, near copies, and near copies of near copies."""
    articles = []
    for path in EXPECTED:
        current = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"本报|近日|党委有安排|（接一版）", line) and sum(map(len, current)) > 150:
                articles.append("\n".join(current) + "\n")
                current = []
            current.append(line)
        articles.append("\n".join(current) + "\n")
    rng = random.Random(3)

    def edit(text, rate):
        chars = list(text)
        for _ in range(int(len(chars) * rate)):
            i = rng.randrange(len(chars))
            chars[i] = rng.choice("的一是在了有和人这中大为上个国我以要他政协会议")
        return "".join(chars)

    docs = []
    for _ in range(6):
        for article in articles:
            roll = rng.random()
            source = rng.choice(docs)[1] if docs and roll < 0.5 else article
            text = source if roll < 0.1 else edit(source, rng.choice([0.02, 0.06, 0.1, 0.14, 0.2]))
            docs.append((f"d{len(docs)}", text))
    docs += [("empty1", ""), ("empty2", " \n"), ("short", "会议召开。")]
    rng.shuffle(docs)
    return docs


@pytest.mark.parametrize("threshold", [0.8, 0.9])
def test_dedup_keeps_what_the_local_engine_keeps(tmp_path, threshold):
    docs = dedup_corpus()
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"id": i, "text": t, "extra": [1, 2]} for i, t in docs])
    with Deduper(threshold) as deduper:
        decisions = [deduper.check(i, t) for i, t in docs]
    kept = [i for (i, _), d in zip(docs, decisions) if d.keep]
    assert 0 < len(kept) < len(docs)
    with deadline(300):
        removed = dedup_jsonl([str(path)], str(tmp_path / "out.jsonl"), threshold, "text", "id",
                              report=str(tmp_path / "report.jsonl"))
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == kept
    assert removed == len(docs) - len(kept)
    report = [json.loads(line) for line in (tmp_path / "report.jsonl").read_text(encoding="utf-8").splitlines()]
    assert report == [c.to_dict() for c in clusters(decisions)]
    # and the whole output is the local command's, byte for byte
    local = tmp_path / "local.jsonl"
    subprocess.run([sys.executable, "-m", "cleantext", "dedup", "--jsonl", "--id-field", "id", "--threshold",
                    str(threshold), str(path), "-o", str(local)], check=True, capture_output=True)
    assert (tmp_path / "out.jsonl").read_bytes() == local.read_bytes()


def test_dedup_refuses_a_record_over_max_doc_size(tmp_path):
    """--max-doc-size goes to the Ray engine too (it was the default there whatever the option said)."""
    path = tmp_path / "docs.jsonl"
    write_jsonl(path, [{"text": "短。"}, {"text": "长" * 100}])
    done = subprocess.run([sys.executable, "-m", "cleantext", "dedup", "--engine", "ray", "--jsonl",
                           "--max-doc-size", "100", str(path), "-o", str(tmp_path / "out.jsonl")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 2
    assert f"{path}:2: a record longer than 100 bytes (see --max-doc-size)" in done.stderr
    assert not (tmp_path / "out.jsonl").exists()


def test_cli_engine_ray_matches_the_local_engine(tmp_path):
    """`cleantext --engine ray` and `cleantext dedup --engine ray` give the local results."""
    import subprocess
    import sys

    source = tmp_path / "in.jsonl"
    pages = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    records = [{"id": f"d{i}", "text": pages[i % 2], "n": i} for i in range(6)]
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")

    def cleantext(*args):
        done = subprocess.run([sys.executable, "-m", "cleantext", *map(str, args)], capture_output=True, timeout=600)
        assert done.returncode == 0, done.stderr.decode()

    cleantext("--jsonl", source, "--out-dir", tmp_path / "local")
    cleantext("--engine", "ray", "--jsonl", source, "--out-dir", tmp_path / "ray")
    assert (tmp_path / "ray" / "in.jsonl").read_bytes() == (tmp_path / "local" / "in.jsonl").read_bytes()
    cleantext("dedup", "--jsonl", source, "-o", tmp_path / "local.jsonl")
    cleantext("dedup", "--engine", "ray", "--jsonl", source, "-o", tmp_path / "ray.jsonl")
    assert (tmp_path / "ray.jsonl").read_bytes() == (tmp_path / "local.jsonl").read_bytes()
    assert len((tmp_path / "ray.jsonl").read_text(encoding="utf-8").splitlines()) == 2

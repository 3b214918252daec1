"""Deduplication at three scales: repeated blocks, running headers, near-duplicate documents."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cleantext import Pipeline, clean, get_step, presets
from cleantext.dedup import Deduper, clusters, dedupe

ROOT = Path(__file__).resolve().parent.parent
EXPECTED = sorted((ROOT / "tests" / "data" / "expected").glob("*.txt"))
RAW = sorted((ROOT / "seeds").glob("*.txt"))

blocks = get_step("repeated-blocks")
running = get_step("running-headers")

CAPTION = "近日，文县政协机关全体党员干部分赴各自的帮扶对象家中开展结对帮扶活动。"
CREDIT = "通讯员 吴玉民 摄影报道"
HEADLINE = "嘉峪关市政协召开党组理论学习中心组（扩大）会议"


def lines(text: str) -> list[str]:
    return [line for line in re.split(r"[\n\f]", text) if line]


def articles() -> list[str]:
    """The articles of the seed pages (19 distinct reports, most on 政协 meetings)."""
    found = []
    for path in EXPECTED:
        current: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"本报|近日|党委有安排|（接一版）", line) and sum(map(len, current)) > 150:
                found.append("\n".join(current) + "\n")
                current = []
            current.append(line)
        found.append("\n".join(current) + "\n")
    return found


# -- 1. repeated blocks -------------------------------------------------------


def test_doubled_caption_and_repeated_headline_go_first_copies_stay():
    page = f"{HEADLINE}\n正文第一段。\n{CAPTION}\n{CREDIT}\n（接一版）\n{HEADLINE}\n正文第二段。\n{CAPTION}\n{CREDIT}\n（接一版）\n"
    assert blocks(page) == f"{HEADLINE}\n正文第一段。\n{CAPTION}\n{CREDIT}\n（接一版）\n正文第二段。\n（接一版）\n"


def test_explain_names_the_block_duplicated():
    page = f"{HEADLINE}\n正文。\n{HEADLINE}\n"
    [change] = Pipeline.from_names(["repeated-blocks"]).explain(page)
    assert (change.step, change.before, change.after) == ("repeated-blocks", HEADLINE + "\n", "")
    assert change.note == 'duplicates line 1: "嘉峪关市政协召开党组理论学习中心组（扩大）会议"'
    assert page[change.start : change.end] == HEADLINE + "\n"


def test_near_copy_with_a_misread_character_goes():
    copy = CAPTION.replace("帮扶对象", "帮扶对像")
    assert blocks(f"{CAPTION}\n{copy}\n") == f"{CAPTION}\n"


@pytest.mark.parametrize(
    "page",
    [
        "会宁县政协开展结对关爱帮扶活动\n正文。\n文县政协开展结对关爱帮扶活动\n",  # similarity 0.90
        "嘉峪关市政协召开党组理论学习中心组（扩大）会议\n白银市政协召开党组理论学习中心组（扩大）会议\n",
        "视察调研\n正文。\n视察调研\n",  # short legitimate repeats
        f"{CREDIT}\n正文。\n{CREDIT}\n",
        "",
        "\n\n",
    ],
)
def test_distinct_or_short_blocks_stay(page):
    assert blocks(page) == page


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_clean_seed_pages_have_no_repeated_blocks(path):
    text = path.read_text(encoding="utf-8")
    assert blocks(text) == text


def test_repeats_across_pages_go_and_form_feeds_stay():
    doc = f"{HEADLINE}\n正文。\f{HEADLINE}\f正文二。\n{HEADLINE}"
    out = blocks(doc)
    assert out == f"{HEADLINE}\n正文。\f\f正文二。"
    assert out.count("\f") == 2


def test_blocks_step_is_opt_in_and_running_headers_on():
    assert "repeated-blocks" not in presets()["newspaper-zh"]
    assert "running-headers" in presets()["newspaper-zh"] and "running-headers" in presets()["ocr-en"]


MISREAD = CAPTION.replace("帮扶对象", "帮扶对像")
BLOCK_POOL = [HEADLINE, CAPTION, CREDIT, "（接一版）", "视察调研", "正文。", MISREAD,
              "白银市政协召开党组理论学习中心组（扩大）会议"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(BLOCK_POOL), max_size=12), st.sampled_from(["\n", "\f"]))
def test_blocks_output_is_an_ordered_subset_keeping_first_occurrences(chosen, sep):
    text = "".join(b + (sep if i % 3 == 2 else "\n") for i, b in enumerate(chosen))
    out = blocks(text)
    kept = lines(out)
    it = iter(lines(text))
    assert all(line in it for line in kept)  # a subsequence: order kept, nothing new
    twins = {CAPTION: MISREAD, MISREAD: CAPTION}  # the only near-copies in the pool
    for line in dict.fromkeys(lines(text)):  # the first occurrence of each text stays ...
        if twins.get(line) not in chosen[: chosen.index(line)]:  # ... unless its near-copy came first
            assert line in kept
    assert out.count("\f") == text.count("\f")
    assert blocks(out) == out


# -- 2. running headers and footers --------------------------------------------


def paged(body_pages: list[str], header: bool = True) -> str:
    pages = []
    for n, body in enumerate(body_pages, 3):
        top = f"甘肃政协报  2023年6月{20 + n}日  星期{'一二三四五六日'[n % 7]}\n第{n}版  视察调研\n" if header else ""
        pages.append(f"{top}{body}- {n} -\n")
    return "\f".join(pages)


def split_pages(text: str, n: int) -> list[str]:
    ls = text.splitlines(keepends=True)
    size = -(-len(ls) // n)
    return ["".join(ls[i : i + size]) for i in range(0, len(ls), size)]


@pytest.mark.parametrize("path", EXPECTED, ids=lambda p: p.stem)
def test_headers_differing_in_page_number_and_date_go(path):
    bodies = split_pages(path.read_text(encoding="utf-8"), 4)
    doc = paged(bodies)
    assert running(doc) == "\f".join(bodies)


def test_headers_go_from_raw_pages_before_cleaning():
    raw = [p.read_text(encoding="utf-8") for p in RAW]
    raw.append(raw[0])
    with_headers = paged(raw)
    steps = list(presets()["newspaper-zh"])
    chosen = Pipeline.from_names(steps[:1] + ["running-headers"] + steps[1:])
    assert chosen(with_headers) == clean("\f".join(raw).replace("\f", "- 0 -\n\f") + "- 0 -\n").replace("- 0 -\n", "")


def test_explain_tells_on_how_many_pages_a_header_recurs():
    doc = paged(["正文一。\n", "正文二。\n", "正文三。\n"])
    notes = {c.note for c in Pipeline.from_names(["running-headers"]).explain(doc)}
    assert 'running header or footer on 3 of 3 pages: "第#版视察调研"' in notes


@pytest.mark.parametrize(
    "doc",
    [
        paged(["正文一。\n", "正文二。\n"]),  # two pages are too few
        "甘肃政协报\n正文一。\f正文二。\f正文三。\f甘肃政协报\n正文四。\n",  # on 2 of 4 pages
        "会议强调，要抓好学习。\n正文一\f会议强调，要抓好学习。\n正文二\f会议强调，要抓好学习。\n正文三\n",  # a sentence
        "（接1版）\n正文一\f（接2版）\n正文二\f（接3版）\n正文三\n",  # continuation markers
        "只有一页的文字\n",
        "",
    ],
)
def test_body_text_is_never_a_header(doc):
    assert running(doc) == doc


def test_a_header_in_the_middle_of_a_page_stays():
    body = "".join(f"第{i}段。\n" for i in range(10))
    doc = paged([body, body.replace("第5段。", "甘肃政协报  2023年6月1日  星期一"), body])
    assert running(doc).count("甘肃政协报") == 1


# -- 3. near-duplicate documents ------------------------------------------------


def changed_date(text: str) -> str:
    return re.sub(r"(\d+)日", lambda m: f"{int(m.group(1)) % 28 + 1}日", text, count=1)


def dropped_sentence(text: str) -> str:
    """The shortest sentence after the first left out (a quarter of an article is no small edit)."""
    sentences = re.findall(r"[^。]+。?", text)
    full = [i for i in range(1, len(sentences)) if sentences[i].endswith("。")]
    drop = min(full, key=lambda i: len(sentences[i])) if full else len(sentences) - 1
    return "".join(sentences[:drop] + sentences[drop + 1 :])


def rewrapped(text: str) -> str:
    flat = text.replace("\n", "")
    return "\n\n".join(flat[i : i + 17] for i in range(0, len(flat), 17)) + "\n"


def test_near_duplicates_go_distinct_articles_on_one_topic_stay():
    originals = articles()
    assert len(originals) >= 15
    corpus = [(f"a{i}", text) for i, text in enumerate(originals)]
    planted = {}
    for i, edit in [(0, changed_date), (3, dropped_sentence), (5, rewrapped), (8, changed_date), (11, dropped_sentence)]:
        planted[f"a{i}-{edit.__name__}"] = f"a{i}"
        corpus.insert(2 * i + 1, (f"a{i}-{edit.__name__}", edit(originals[i])))
    decisions = list(dedupe(corpus))
    assert [d.id for d in decisions] == [doc_id for doc_id, _ in corpus]
    assert [d.id for d in decisions if d.keep] == [f"a{i}" for i in range(len(originals))]
    assert {d.id: d.duplicate_of.id for d in decisions if not d.keep} == planted
    groups = clusters(decisions)
    assert [g.kept for g in groups] == ["a0", "a3", "a5", "a8", "a11"]
    assert all(0.8 <= s <= 1.0 for g in groups for s in g.similarity)


def test_latin_near_duplicates_use_words():
    a = "The council met on Monday and agreed to fund the new library for two more years. " * 3
    b = a.replace("Monday", "Tuesday").upper()
    c = "The council met on Monday and rejected the plan to close the swimming pool this summer. " * 3
    assert [d.keep for d in dedupe([(1, a), (2, b), (3, c)])] == [True, False, True]


def test_exact_copies_and_empty_documents():
    decisions = list(dedupe([("x", "正文。"), ("y", " 正文。\n"), ("e1", ""), ("e2", "  ")]))
    assert [(d.keep, d.similarity) for d in decisions] == [(True, 0.0), (False, 1.0), (True, 0.0), (False, 1.0)]


def test_odd_unicode_does_not_crash():
    texts = ["\ud800孤立代理", "\ud800孤立代理", "e\u0301", "\x00\f", "Ａ" * 3]
    assert [d.keep for d in dedupe(enumerate(texts))] == [True, False, True, True, True]


def test_store_spilled_to_disk_gives_the_same_decisions():
    corpus = [(i, text) for i, text in enumerate(articles() + [changed_date(a) for a in articles()])]
    in_memory = [d.keep for d in dedupe(corpus)]
    with Deduper[int](spill_bytes=1) as deduper:
        on_disk = [deduper.check(i, text).keep for i, text in corpus]
    assert on_disk == in_memory == [True] * len(articles()) + [False] * len(articles())


def test_bad_threshold():
    with pytest.raises(ValueError):
        Deduper(threshold=0)


ARTICLES = articles()
EDITS = [changed_date, dropped_sentence, rewrapped, lambda t: t]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(ARTICLES) - 1), st.integers(0, len(EDITS) - 1)), max_size=25))
def test_corpus_dedup_is_an_ordered_subset_keeping_first_occurrences(picks):
    corpus = [(n, EDITS[e](ARTICLES[a])) for n, (a, e) in enumerate(picks)]
    kept = [d.id for d in dedupe(corpus) if d.keep]
    assert kept == sorted(kept)
    first_of_each_article = {}
    for n, (a, _) in enumerate(picks):
        first_of_each_article.setdefault(a, n)
    assert kept == sorted(first_of_each_article.values())  # distinct articles stay, copies go
    survivors = [(n, text) for n, text in corpus if n in set(kept)]
    assert [d.id for d in dedupe(survivors) if d.keep] == kept  # idempotent


# -- CLI --------------------------------------------------------------------------

MAIN = "import sys; from cleantext.cli.dedup import dedup_main; sys.exit(dedup_main(sys.argv[1:]))"


def dedup_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", MAIN, *args], input=stdin, capture_output=True)


def jsonl(records) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_cli_jsonl_keeps_records_as_read_and_reports_clusters(tmp_path):
    a = ARTICLES
    records = [{"id": "a", "text": a[0], "n": 1}, {"id": "b", "text": a[1]}, {"id": "c", "text": changed_date(a[0])},
               {"id": "d", "text": rewrapped(a[1])}, {"id": "e", "text": a[2]}]
    src = tmp_path / "in.jsonl"
    src.write_text(jsonl(records), encoding="utf-8")
    out, report = tmp_path / "out.jsonl", tmp_path / "report.jsonl"
    result = dedup_cli("--jsonl", str(src), "--id-field", "id", "-o", str(out), "--report", str(report))
    assert result.returncode == 0, result.stderr
    assert out.read_text(encoding="utf-8") == jsonl([records[0], records[1], records[4]])
    rows = [json.loads(line) for line in report.read_text(encoding="utf-8").splitlines()]
    assert [(r["kept"], r["removed"]) for r in rows] == [("a", ["c"]), ("b", ["d"])]
    assert rows[1]["similarity"] == [1.0]


def test_cli_ids_default_to_line_numbers_and_stdin_to_stdout():
    records = [{"body": "正文一，内容足够长。"}, {"body": "正文一，内容足够长。"}, {"body": "完全不同的另一篇。"}]
    result = dedup_cli("--jsonl", "--field", "body", "--report", "/dev/stdout", stdin=jsonl(records).encode())
    assert result.returncode == 0, result.stderr
    out = result.stdout.decode().splitlines()
    assert out[:2] == [json.dumps(r, ensure_ascii=False) for r in (records[0], records[2])]
    assert json.loads(out[2]) == {"kept": 1, "removed": [2], "similarity": [1.0]}


def test_cli_text_files(tmp_path):
    paths = []
    for name, text in [("a.txt", ARTICLES[0]), ("b.txt", rewrapped(ARTICLES[0])), ("c.txt", ARTICLES[1])]:
        (tmp_path / name).write_text(text, encoding="utf-8")
        paths.append(str(tmp_path / name))
    result = dedup_cli(*paths, "--report", str(tmp_path / "r.jsonl"))
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode() == ARTICLES[0] + ARTICLES[1]
    assert json.loads((tmp_path / "r.jsonl").read_text())["removed"] == [paths[1]]


def test_cli_reads_jsonl_and_json_inputs_as_json_lines(tmp_path):
    records = [{"id": "a", "text": ARTICLES[0]}, {"id": "b", "text": changed_date(ARTICLES[0])},
               {"id": "c", "text": ARTICLES[1]}]
    for name in ("in.jsonl", "in.JSON"):
        (tmp_path / name).write_text(jsonl(records), encoding="utf-8")
        result = dedup_cli(str(tmp_path / name), "--id-field", "id")
        assert result.returncode == 0, result.stderr
        assert result.stdout.decode() == jsonl([records[0], records[2]]), name
    as_text = dedup_cli("--no-jsonl", str(tmp_path / "in.jsonl"))  # one document: kept whole
    assert as_text.returncode == 0 and as_text.stdout.decode() == jsonl(records)
    (tmp_path / "plain.txt").write_text(jsonl(records), encoding="utf-8")
    forced = dedup_cli("--jsonl", str(tmp_path / "plain.txt"))
    assert forced.returncode == 0 and forced.stdout.decode() == jsonl([records[0], records[2]])


def test_cli_refuses_a_mix_and_a_json_array(tmp_path):
    (tmp_path / "a.jsonl").write_text(jsonl([{"text": "正文。"}]), encoding="utf-8")
    (tmp_path / "b.txt").write_text("正文。\n", encoding="utf-8")
    (tmp_path / "array.json").write_text(json.dumps([{"text": "正文。"}]) + "\n", encoding="utf-8")
    (tmp_path / "pretty.json").write_text(json.dumps([{"text": "正文。"}], indent=2) + "\n", encoding="utf-8")
    for args, message in [
        ([tmp_path / "a.jsonl", tmp_path / "b.txt"], "is JSON Lines by its name but"),
        ([tmp_path / "array.json"], "array.json:1: not a JSON object (one JSON object a line"),
        ([tmp_path / "pretty.json"], "pretty.json:1: bad JSON"),
    ]:
        result = dedup_cli(*map(str, args))
        err = result.stderr.decode()
        assert result.returncode == 2 and message in err and err.count("\n") == 1, err
    assert "JSON array" in dedup_cli(str(tmp_path / "pretty.json")).stderr.decode()
    mixed = dedup_cli("--jsonl", str(tmp_path / "a.jsonl"), str(tmp_path / "b.txt"))
    assert mixed.returncode == 2 and "b.txt:1: bad JSON" in mixed.stderr.decode()


def test_cli_stats(tmp_path):
    records = [{"text": ARTICLES[0]}, {"text": rewrapped(ARTICLES[0])}, {"text": ARTICLES[0]}, {"text": ARTICLES[1]}]
    (tmp_path / "in.jsonl").write_text(jsonl(records), encoding="utf-8")
    result = dedup_cli("--stats", str(tmp_path / "in.jsonl"), "-o", str(tmp_path / "out.jsonl"))
    assert result.returncode == 0, result.stderr
    assert result.stdout == b""
    stats = dict(line.split(None, 1) for line in result.stderr.decode().splitlines()[1:])
    assert stats["documents"] == "4" and stats["kept"] == "2"
    assert stats["removed"] == "2 (in 1 group of duplicates)"
    assert stats["inputs"] == "1 (JSON Lines)"
    assert stats["bytes"] == f"out         {len(jsonl([records[0], records[3]]).encode()):,}"
    quiet = dedup_cli(str(tmp_path / "in.jsonl"))
    assert quiet.stderr == b""


def test_cli_progress(tmp_path):
    """--progress shows a bar on stderr that reaches the input's size; the output is the same."""
    records = [{"text": ARTICLES[0]}, {"text": ARTICLES[0]}, {"text": ARTICLES[1]}]
    path = tmp_path / "in.jsonl"
    path.write_text(jsonl(records), encoding="utf-8")
    shown = dedup_cli("--progress", str(path))
    assert shown.returncode == 0 and shown.stdout == dedup_cli(str(path)).stdout
    last = shown.stderr.decode().replace("\r", "\n").strip().splitlines()[-1]
    assert last.startswith("cleantext dedup: 100%"), last
    assert dedup_cli("--no-progress", str(path)).stderr == b""


@pytest.mark.parametrize(
    "args, stdin, message",
    [
        (["--jsonl"], b'{"text": "a"}\n{"text": \n', "<stdin>:2: bad JSON"),
        (["--jsonl"], b'{"id": 1}\n', "<stdin>:1: no field 'text'"),
        (["--jsonl"], b'[1, 2]\n', "<stdin>:1: not a JSON object"),
        (["--jsonl", "--id-field", "url"], b'{"text": "a"}\n', "<stdin>:1: no field 'url'"),
        (["--jsonl"], b'{"text": "\xff"}\n', "<stdin>:1: not valid UTF-8"),
        (["/nonexistent/file.txt"], b"", "/nonexistent/file.txt: no such file"),
        (["--threshold", "1.5"], b"", "--threshold: must be in (0, 1]"),
    ],
)
def test_cli_errors_are_one_line_and_exit_2(args, stdin, message):
    result = dedup_cli(*args, stdin=stdin)
    err = result.stderr.decode()
    assert result.returncode == 2
    assert message in err and err.count("\n") == 1 and "Traceback" not in err


def test_cli_output_through_a_symlink_replaces_its_target(tmp_path):
    (tmp_path / "real.txt").write_text("old\n")
    (tmp_path / "link.txt").symlink_to(tmp_path / "real.txt")
    result = dedup_cli("-o", str(tmp_path / "link.txt"), stdin="正文。\n".encode())
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "link.txt").is_symlink()
    assert (tmp_path / "real.txt").read_text(encoding="utf-8") == "正文。\n"


def test_cli_failure_leaves_output_untouched(tmp_path):
    out = tmp_path / "out.jsonl"
    out.write_text("old\n")
    result = dedup_cli("--jsonl", "-o", str(out), stdin=b'{"text": "a"}\nnot json\n')
    assert result.returncode == 2
    assert out.read_text() == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_cli_module_examples():
    import doctest

    import cleantext.engines.dedup
    import cleantext.io.documents

    results = [doctest.testmod(m) for m in (cleantext.io.documents, cleantext.engines.dedup)]
    assert sum(r.failed for r in results) == 0 and sum(r.attempted for r in results) >= 2

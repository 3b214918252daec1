"""cleantext as a Data-Juicer mapper.

In a recipe, after loading this file with ``custom_operator_paths``::

    dataset_path: raw.jsonl
    export_path: clean.jsonl
    custom_operator_paths: ["data_juicer_mapper.py"]  # this file
    process:
      - cleantext_mapper:
          opencc: t2s  # preset, add, skip, only, opencc, lexicon: as cleantext.clean_batch

then ``dj-process --config recipe.yaml`` (its loader drops a sample whose
text is null before any operator). In Python,
``NestedDataset.process([CleantextMapper()])``. Either run of an operator
ends by freeing GPU memory with torch, which Data-Juicer installs (about
5 GB) when it is missing; the demo below maps the mapper's batch function
itself, which does not.

It is a batched mapper: each batch goes to ``cleantext.clean_batch``, which
cleans the ``text_key`` column without the line break that cleaning ends a
text with; a missing text (None, NaN) stays as it is and the other fields
(``meta``, ``__dj__stats__``, ...) are untouched.

Run against py-data-juicer 1.6.1 (2026-12-02), which does not import without
``aiohttp`` (pip install py-data-juicer aiohttp). Not tested in CI (the
install is some 600 MB); tests/test_adapters.py runs it where Data-Juicer is
installed. ``python data_juicer_mapper.py`` cleans two samples and prints them.
"""

from cleantext import clean_batch
from data_juicer.ops.base_op import OPERATORS, Mapper


@OPERATORS.register_module("cleantext_mapper")
class CleantextMapper(Mapper):
    """Clean OCR'd or PDF-extracted Chinese text with cleantext."""

    _batched_op = True

    def __init__(self, preset: str = "newspaper-zh", add: list[str] | None = None, skip: list[str] | None = None,
                 only: list[str] | None = None, opencc: str | None = None, lexicon: str | None = None,
                 *args, **kwargs):
        """
        :param preset: the preset whose steps clean (default: newspaper-zh)
        :param add: opt-in steps to add
        :param skip: steps to leave out
        :param only: the steps to keep
        :param opencc: an OpenCC configuration to convert with (t2s, s2t, ...)
        :param lexicon: a lexicon file
        """
        super().__init__(*args, **kwargs)
        self.options = dict(preset=preset, add=add or (), skip=skip or (), only=only or (),
                            opencc=opencc, lexicon=lexicon)
        clean_batch({"text": []}, **self.options)  # a bad option or step name fails here, not in a worker

    def process_batched(self, samples):
        return clean_batch(samples, self.text_key, final_newline=False, **self.options)


if __name__ == "__main__":
    from data_juicer.core.data import NestedDataset

    samples = NestedDataset.from_list([{"text": "本报讯 6月 22日，会议召开。\n\n陈 刚\n说", "meta": {"page": 3}},
                                       {"text": None, "meta": {"page": 4}}])
    for sample in samples.map(CleantextMapper().process, batched=True).to_list():
        print(sample)

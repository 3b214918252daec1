"""cleantext as a datatrove formatter step.

Put it in a pipeline between a reader and a writer::

    from datatrove.executor import LocalPipelineExecutor
    from datatrove.pipeline.readers import JsonlReader
    from datatrove.pipeline.writers import JsonlWriter
    from datatrove_formatter import CleantextFormatter  # this file

    LocalPipelineExecutor(pipeline=[
        JsonlReader("raw/"),
        CleantextFormatter(opencc="t2s"),  # the options of cleantext.clean_batch
        JsonlWriter("clean/"),
    ], tasks=4).run()

(JsonlReader needs orjson: ``pip install 'datatrove[io]'``; a reader skips a
document whose text is empty or null.)

Each document's text is cleaned without the line break that cleaning ends a
text with; a missing text (None, NaN) stays as it is; the id, metadata and
media are untouched. The options (preset, add, skip, only, opencc, lexicon)
are checked when the step is made; the pipeline is built once per process.

Run against datatrove 0.10.1 (2026-12-02); tests/test_adapters.py runs it
when datatrove is installed, as CI does. ``python datatrove_formatter.py``
cleans two documents and prints them.
"""

from cleantext import clean_batch
from datatrove.pipeline.formatters.base import BaseFormatter


class CleantextFormatter(BaseFormatter):
    name = "🧹 cleantext"

    def __init__(self, **options):
        super().__init__()
        clean_batch({"text": []}, **options)  # a bad option or step name fails here, not in a worker
        self.options = options

    def format(self, text: str) -> str:
        return clean_batch({"text": [text]}, final_newline=False, **self.options)["text"][0]


if __name__ == "__main__":
    from datatrove.data import Document

    documents = [Document(text="本报讯 6月 22日，会议召开。\n\n陈 刚\n说", id="1", metadata={"page": 3}),
                 Document(text=None, id="2", metadata={"page": 4})]
    for document in CleantextFormatter()(iter(documents)):
        print(document)

"""Where cleaning runs: this machine (:mod:`.local`, with the tasks of
:mod:`.tasks`, the :mod:`.cleaner` and the worker processes of
:mod:`.workers`), near-duplicate removal (:mod:`.dedup`); Ray in
:mod:`cleantext.ray_engine`, which calls the same code."""

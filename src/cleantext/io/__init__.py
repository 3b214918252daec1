"""Input and output of the commands and engines: sources, decoding, JSON records, outputs, errors.

* :mod:`.errors`: one error type per kind of problem (input, output, a bug).
* :mod:`.sources`: the inputs a command line names (files, trees, stdin).
* :mod:`.decoding`: bytes to text, block by block, a BOM honoured.
* :mod:`.jsonline` and :mod:`.records`: JSON Lines records, read and rewritten.
* :mod:`.outputs`: stdout, files written atomically, mirrored trees.
* :mod:`.progress`: the progress bar on stderr.
"""

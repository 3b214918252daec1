"""The built-in normalizers, one artifact each: a module a step (or family).

Each module registers its step with :func:`cleantext.pipeline.normalizer`
(or :func:`~cleantext.pipeline.rewriter`, :func:`~cleantext.pipeline.step_family`),
declaring its contract there: scope, place, traits, where a text may be cut.
Importing this package registers nothing; :mod:`cleantext.presets` imports
the modules and composes the presets.
"""

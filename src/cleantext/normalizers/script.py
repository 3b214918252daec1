"""Traditional and Simplified Chinese with OpenCC: the steps opencc-CONFIG."""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Iterator

from ..pipeline import Edit, Step, diff_edits, step_family


@lru_cache(maxsize=None)
def converter(config: str) -> Any:
    """The OpenCC converter for ``config``, built once per process on first use."""
    import opencc

    return opencc.OpenCC(config)


def configs() -> list[str]:
    """The OpenCC configurations available (t2s, s2t, s2twp, hk2s, ...)."""
    import opencc

    return sorted(c.removesuffix(".json") for c in opencc.CONFIGS)


@step_family("opencc")
def opencc_step(config: str) -> Step:
    """The step ``opencc-CONFIG`` converting script with an OpenCC configuration."""
    config = config.removesuffix(".json")
    if config not in configs():
        raise ValueError(f"unknown OpenCC config {config!r} (known: {', '.join(configs())})")

    def convert_script(text: str) -> Iterator[Edit]:
        yield from diff_edits(text, converter(config).convert(text))

    convert_script.__doc__ = (
        f"Convert Chinese script with OpenCC's {config} configuration.\n\n"
        "    >>> get_step('opencc-t2s')('這是繁體字，測試。')\n"
        "    '这是繁体字，测试。'\n"
    )
    step = Step(f"opencc-{config}", convert_script, f"Convert Chinese script with OpenCC ({config}).")
    object.__setattr__(step, "__doc__", convert_script.__doc__)
    object.__setattr__(step, "__wrapped__", convert_script)
    return step

"""Traditional and Simplified Chinese with OpenCC: the steps opencc-CONFIG."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from ..pipeline import Step, documented, rewritten, step_family
from .boundaries import starts_independently


@lru_cache(maxsize=None)
def converter(config: str) -> Any:
    """The OpenCC converter for ``config``, built once per process on first use."""
    import opencc

    return opencc.OpenCC(config)


def configs() -> list[str]:
    """The OpenCC configurations available (t2s, s2t, s2twp, hk2s, ...)."""
    import opencc

    return sorted(c.removesuffix(".json") for c in opencc.CONFIGS)


#: Lone surrogates (undecodable bytes kept by surrogateescape): OpenCC
#: cannot encode them, so the text around them is converted piece by piece.
_SURROGATES = re.compile("([\ud800-\udfff]+)")


@step_family("opencc", after="repeated-blocks")
def opencc_step(config: str) -> Step:
    """The step ``opencc-CONFIG`` converting script with an OpenCC configuration."""
    config = config.removesuffix(".json")
    if config not in configs():
        raise ValueError(f"unknown OpenCC config {config!r} (known: {', '.join(configs())})")
    to_simplified = config.endswith("2s") or config.endswith("2sp")

    def convert_once(text: str) -> str:
        convert = converter(config).convert
        if _SURROGATES.search(text):
            return "".join(piece if k % 2 else convert(piece) for k, piece in enumerate(_SURROGATES.split(text)))
        return convert(text)

    def convert_script(text: str) -> str:
        converted = convert_once(text)
        if to_simplified:
            return converted
        # Towards traditional script OpenCC may read its own output anew
        # ("台湾台" -> "臺灣台" -> "臺灣臺"): convert until nothing changes.
        for _ in range(3):
            if converted == text:
                break
            text, converted = converted, convert_once(converted)
        return converted

    convert_script.__doc__ = (
        f"Convert Chinese script with OpenCC's {config} configuration.\n\n"
        "    >>> get_step('opencc-t2s')('這是繁體字，測試。')\n"
        "    '这是繁体字，测试。'\n"
    )
    step = rewritten(f"opencc-{config}", convert_script, touches={"cjk"}, idempotent=True, cut_before=starts_independently)
    return documented(step, convert_script)

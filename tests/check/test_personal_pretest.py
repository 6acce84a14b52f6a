"""The personal-data check looks for runs of digits only in bodies that may have one.

`_may_have_runs` is a cheap test on the body's bytes that must never say no where the
pattern finds a run (else a phone or identity number would go unseen); compared here with
the pattern itself on generated texts, and shown to leave out the bodies it is for.
"""

from __future__ import annotations

import random

import pytest

from jobbvinner_cli.check.personal import _PHONE_RUN, _may_have_runs

# digits, the run's separators, and what stands beside them in plans (also non-ASCII)
PIECES = [*"0123456789", *" ().-", *"ab|x\n\t", "æ", "ø", "–", "\u00a0", "+47", "½", "٣", "😀"]


def _texts(count: int) -> list[str]:
    rng = random.Random(5)

    def piece() -> str:  # half of them digits, so that many texts have a run
        return rng.choice("0123456789") if rng.random() < 0.5 else rng.choice(PIECES)

    return ["".join(piece() for _ in range(rng.randint(1, 40))) for _ in range(count)]


def test_the_pretest_says_yes_wherever_the_pattern_finds_a_run() -> None:
    texts = _texts(30000)
    with_run = [text for text in texts if _PHONE_RUN.search(text) is not None]
    assert len(with_run) > 1000  # the comparison covered many texts with a run
    assert [text for text in with_run if not _may_have_runs(text)] == []
    without = [text for text in texts if _PHONE_RUN.search(text) is None]
    assert sum(map(_may_have_runs, without)) < len(without) / 2  # and it leaves many out


@pytest.mark.parametrize(
    "text",
    [
        "Møte 21. september 2017 kl. 13.00–15.00 på rådhuset.",
        "Fra 4. juni 2018 til 14. november 2018 (2. til 3. samling).",
        "| Statusrapport 2 | 22. mai | x | x |",
        "Tlf. 1234567 (sju siffer).",
    ],
)
def test_a_body_with_no_run_is_left_out(text: str) -> None:
    assert _PHONE_RUN.search(text) is None
    assert not _may_have_runs(text)


@pytest.mark.parametrize("text", ["Ring 912 34 567.", "(+47) 412-34-567", "01019012345"])
def test_a_body_with_a_run_is_looked_at(text: str) -> None:
    assert _may_have_runs(text)

"""Precision of the romanized-term detector on English with no Korean in it: it should flag nothing."""
from __future__ import annotations

import argparse
import random
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import bench_check as bc  # noqa: E402  (the foundation benchmark's filler prose)

# Stretches that look like places a romanized term could stand: italic titles, parenthetical asides,
# runs of capitalised words. All ordinary English, written for this benchmark.
ITALICS = ["*Financial Times*", "*The Economist*", "*inter alia*", "*de facto*", "*ad hoc*", "*very*", "*not*",
           "*Foreign Affairs*", "*Asian Survey*", "*status quo*", "*laissez-faire*", "*Pacific Affairs*",
           "_Journal of Development Studies_", "*per capita*", "*sine qua non*", "*Le Monde*", "*Das Kapital*"]
PARENS = ["(see above)", "(Table 3)", "(in real terms)", "(World Bank 2019)", "(IMF estimates)", "(n = 240)",
          "(Figure 2)", "(emphasis added)", "(Hong Kong)", "(Singapore)", "(Mongolia)", "(Bangladesh)",
          "(Kazakhstan)", "(Vietnam)", "(Cambodia)", "(Indonesia)", "(Malaysia)", "(Thailand)", "(Nepal)",
          "(Bhutan)", "(Myanmar)", "(Taiwan)", "(Shanghai)", "(Shenzhen)", "(Hangzhou)", "(Jiangsu)"]
CAPS = ["World Bank", "Asian Development Bank", "Bank of Japan", "Federal Reserve", "Supreme Court",
        "Hong Kong Monetary Authority", "Kuala Lumpur", "Ho Chi Minh City", "Phnom Penh", "Ulan Bator",
        "Bandar Seri Begawan", "Chiang Mai", "Da Nang", "Hai Phong", "Can Tho", "Kota Kinabalu",
        "Sun Yat-sen", "Deng Xiaoping", "Hun Sen", "Nguyen Van Linh", "Lee Kuan Yew", "Mahathir Mohamad"]


def corpus(mb: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    docs = []
    for _ in range(mb):
        parts, size = [], 0
        while size < bc.MB:
            sentence = f"{rng.choice(bc.SUBJECTS)} {rng.choice(bc.VERBS)} {rng.choice(bc.CLAUSES)}{rng.choice(bc.TAILS)}"
            sentence += f" {rng.choice(PARENS)}, as {rng.choice(CAPS)} and {rng.choice(ITALICS)} noted."
            parts.append(sentence)
            size += len(sentence) + 1
            if rng.random() < 0.2:
                parts.append("\n\n")
        docs.append(" ".join(parts))
    return docs


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=10)
    args = ap.parse_args()
    from termkit.checking.checker import Checker
    from termkit.config import Config

    checker = Checker(Config(select=["TK4"]))
    bc.prune_filler(checker.matcher)
    docs = corpus(args.mb)
    t = time.perf_counter()
    codes = Counter()
    for i, text in enumerate(docs):
        for f in checker.check_text(text, path=f"<english {i}>"):
            codes[f.code] += 1
            if codes[f.code] <= 5:
                print(f"  {f.code} {f.found!r}: {f.message}")
    seconds = time.perf_counter() - t
    mb = sum(len(d.encode()) for d in docs) / bc.MB
    print(f"{mb:.1f} MB of English with italics, parentheses and capitalised names in every sentence: "
          f"{sum(codes.values())} TK4xx findings {dict(codes)} in {seconds:.1f} s")
    return 1 if codes else 0


if __name__ == "__main__":
    sys.exit(main())

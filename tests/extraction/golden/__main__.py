"""``python -m tests.extraction.golden``: rewrite the golden snapshot (only in a commit of quality work)."""

from . import update

if __name__ == "__main__":
    for name in update():
        print(f"wrote tests/extraction/golden/{name}.jsonl")

"""Speed and memory of the card parser. Prints figures; it is not a test.

    .venv/bin/python bench/bench_parser.py            # 2,500-word policy timing + 50,000-word memory
    .venv/bin/python bench/bench_parser.py --seeds    # also time the seed policies in ../shared/seeds
    .venv/bin/python bench/bench_parser.py --ota      # also ms per 1,000 words, newest version of each OTA service

Targets: a full card for a 2,500-word policy in <= 10 ms median on one core (issue 13; it was 25); <= 100 MB RSS for a
50,000-word policy. The benchmark policies are generated from the template sentences below (written
for this script, not taken from any real policy).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SECTIONS = [
    ("Privacy Policy", ["Last updated: March 4, 2024", 'Birchwood Goods, Inc. ("we", "us") respects your privacy.']),
    (
        "Information We Collect",
        [
            "We collect your name, email address, postal address and phone number when you place an order.",
            "When you create an account we ask for a username, a password and security questions.",
            "We automatically collect your IP address, browser type, device identifiers and pages visited.",
            "Our site uses cookies, pixels and web beacons to remember your cart and measure visits.",
            "We may receive information about you from marketing partners and social networks you connect.",
            "If you pay by card, our payment processor collects your card number and billing address.",
        ],
    ),
    (
        "How We Use Information",
        [
            "We use your information to fulfil orders, send receipts and answer your questions.",
            "We analyse how visitors use the site so we can improve our products and pages.",
            "With your consent we send you newsletters and offers that match your interests.",
        ],
    ),
    (
        "How We Share Information",
        [
            "We share information with service providers who ship orders, host our site and process payments.",
            "We may disclose information to law enforcement when the law requires it.",
            "If we sell or merge our business, customer information may pass to the buyer.",
            "We do not sell your personal information to third parties.",
            "Advertising partners may collect information about your visits to show you relevant ads.",
        ],
    ),
    (
        "Your Choices",
        [
            "You can unsubscribe from marketing emails by clicking the link at the bottom of any email.",
            "You can set your browser to refuse cookies, though some features may then not work.",
            "You may ask to see, correct or delete the personal information we hold about you.",
            "Some browsers send Do Not Track signals; we do not currently respond to them.",
        ],
    ),
    (
        "Security and Retention",
        [
            "We use SSL encryption and physical, electronic and procedural safeguards to protect your data.",
            "We keep order records for seven years and other data as long as necessary for these purposes.",
        ],
    ),
    (
        "Children",
        ["Our website is not directed to children under the age of 13 and we do not knowingly collect their data."],
    ),
    (
        "Changes and Contact",
        [
            "If we make material changes to this policy we will notify you by email.",
            "Questions? Email privacy@birchwood.example or call (510) 555-0134.",
            "Birchwood Goods, 200 Market Street, Springfield, IL 62701",
        ],
    ),
]


def make_policy(words: int, salt: int = 0) -> str:
    """A policy of about `words` words: the template sections repeated, each repeat slightly varied."""
    parts: list[str] = []
    count, round_ = 0, 0
    while count < words:
        for heading, sentences in SECTIONS:
            # Every section differs between runs and repeats, so no cache keyed on text can answer.
            body = " ".join(sentences) + f" This applies to store number {round_}-{salt} as well."
            parts.append(f"{heading}\n{body}")
            count += len(heading.split()) + len(body.split())
            if count >= words:
                break
        round_ += 1
    return "\n\n".join(parts) + f"\n\nReference {salt}."


def pin_one_core() -> str:
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned"


def clear_caches() -> None:
    """Empty the result caches keyed on text (parser modules): a new policy never hits them."""
    for name, module in list(sys.modules.items()):
        if name.startswith("summaries.parser"):
            for value in list(vars(module).values()):
                if callable(getattr(value, "cache_clear", None)):
                    value.cache_clear()


def time_cards(texts: list[str]) -> list[float]:
    from summaries.parser.card import summarize

    took = []
    for text in texts:
        clear_caches()
        started = time.perf_counter()
        summarize(text)
        took.append((time.perf_counter() - started) * 1000)
    return took


def section_times(words: int, runs: int) -> dict[str, float]:
    """Median milliseconds per section, each run on a freshly salted policy so no cache helps."""
    from summaries.parser import card as c

    steps = {
        "segment": lambda t, ps: c.segment(t),
        "practices": lambda t, ps: [c.classify_practices(t[p.start : p.end], p.heading) for p in ps],
        "collected": lambda t, ps: c.extract_collected(t, ps),
        "shared": lambda t, ps: c.extract_shared(t, ps),
        "sells_data": lambda t, ps: c.selling.extract_sells(t, ps),
        "choices": lambda t, ps: c.extract_choices(t, ps),
        "contacts": lambda t, ps: c.extract_contacts(t, ps),
        "facts": lambda t, ps: c.extract_facts(t),
        "effective_date": lambda t, ps: c.find_effective_date(t),
        "company": lambda t, ps: c.detect_company(t),
        "stats": lambda t, ps: c.compute_stats(t),
    }
    took: dict[str, list[float]] = {name: [] for name in steps}
    for i in range(runs):
        text = make_policy(words, salt=10_000 + i)
        passages = c.segment(text)
        clear_caches()  # once per text: the extractors' shared scan then counts in the first that needs it
        for name, step in steps.items():
            started = time.perf_counter()
            step(text, passages)
            took[name].append((time.perf_counter() - started) * 1000)
    return {name: statistics.median(values) for name, values in took.items()}


RIGHTS_BLOCK = (
    "Your Rights\n\nYou may ask us to:\n- delete the personal information we keep;\n"
    "- correct the personal information we keep;\n"
    "To make a request, e-mail rights@example.com.\n\n"
)


def growth(small: int = 500, large: int = 5_000) -> tuple[float, float]:
    """Seconds for the choices extractor on a long list of rights repeated `small` and `large`
    times: linear work keeps the ratio near large/small; quadratic work multiplies it again."""
    from summaries.parser.choices import extract_choices

    took = []
    for repeats in (small, large):
        clear_caches()
        started = time.perf_counter()
        extract_choices(RIGHTS_BLOCK * repeats, [])
        took.append(time.perf_counter() - started)
    return took[0], took[1]


def ota_newest() -> list[tuple[str, str]]:
    """(service, normalised text) of the newest version of every service in ../shared/ota's bundle."""
    from score_ota import DOCUMENT, ota_clone  # beside this script

    from policies.ingest import extract

    git = ["git", "--git-dir", str(ota_clone())]
    log = subprocess.run([*git, "log", "--format=%H", "--name-only"], capture_output=True, text=True)
    newest: dict[str, str] = {}
    commit = ""
    for line in log.stdout.splitlines():
        if len(line) == 40 and " " not in line:
            commit = line
        elif line.endswith("/" + DOCUMENT):
            newest.setdefault(line.removesuffix("/" + DOCUMENT), commit)  # the log runs newest first
    out = []
    for service, commit in sorted(newest.items()):
        shown = subprocess.run([*git, "show", f"{commit}:{service}/{DOCUMENT}"], capture_output=True)
        if shown.returncode == 0:  # deleted in its newest commit: nothing to read
            out.append((service, extract(shown.stdout, "policy.md").text))
    return out


def ota_rates(runs: int = 5) -> None:
    """Median milliseconds per 1,000 words for each OTA service's newest version (target: none over 25)."""
    policies = ota_newest()
    rows = []
    for service, text in policies:
        took = statistics.median(time_cards([text] * runs))
        words = len(text.split())
        rows.append((took / words * 1000, service, words, took))
    rows.sort(reverse=True)
    print(f"OTA newest versions, {len(rows)} services, median of {runs} (caches emptied), slowest first:")
    for rate, service, words, took in rows:
        print(f"  {service:<28} {words:6d} words {took:7.1f} ms  {rate:5.1f} ms per 1,000 words")
    print(f"  slowest {rows[0][0]:.1f} ms per 1,000 words ({rows[0][1]}); target: none over 25")


def peak_rss_kb() -> int:
    """This process's peak RSS in kB. Linux's VmHWM is this image's own; ru_maxrss keeps the peak of the process
    that forked it (exec carries it over), so a child of a big parent would report the parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def memory_child(words: int) -> None:
    """Run in a fresh interpreter: peak RSS and traced allocations for one big card."""
    from summaries.parser.card import summarize

    text = make_policy(words)
    summarize(make_policy(300, salt=1))  # load lazy resources (hyphenation dictionary) first
    before = peak_rss_kb()
    started = time.perf_counter()
    card = summarize(text)
    took = time.perf_counter() - started
    after = peak_rss_kb()
    # A second card under tracemalloc: Python-level allocations only, and slower, hence not timed.
    tracemalloc.start()
    summarize(make_policy(words, salt=2))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(
        json.dumps(
            {
                "words": card["stats"]["words"],
                "seconds": round(took, 3),
                "max_rss_mb": round(after / 1024, 1),
                "rss_growth_mb": round((after - before) / 1024, 1),
                "traced_peak_mb": round(peak / 2**20, 1),
            }
        )
    )


def warm_up_child(warm: bool) -> None:
    """Run in a fresh interpreter: the first two cards' milliseconds, after `warm_up()` when `warm` (timed too)."""
    from summaries.parser import summarize, warm_up

    took_warm_up = 0.0
    if warm:
        started = time.perf_counter()
        warm_up()
        took_warm_up = (time.perf_counter() - started) * 1000
    cards = []
    for salt in (1, 2):
        text = make_policy(2500, salt=salt)
        started = time.perf_counter()
        summarize(text)
        cards.append((time.perf_counter() - started) * 1000)
    print(json.dumps({"warm_up": round(took_warm_up, 1), "first": round(cards[0], 1), "second": round(cards[1], 1)}))


def first_cards(runs: int = 3) -> None:
    """The first card of a fresh process, with and without `warm_up()` before it (medians of `runs` processes)."""
    rows = {}
    for warm in (False, True):
        got = []
        for _ in range(runs):
            flag = ["--warm-up-child", "1" if warm else "0"]
            done = subprocess.run([sys.executable, __file__, *flag], capture_output=True, text=True, cwd=ROOT)
            got.append(json.loads(done.stdout.strip().splitlines()[-1]))
        rows[warm] = {key: statistics.median(g[key] for g in got) for key in got[0]}
    cold, warm = rows[False], rows[True]
    print(
        f"first card in a fresh process (median of {runs}): {cold['first']:.1f} ms (second {cold['second']:.1f} ms); "
        f"after warm_up() ({warm['warm_up']:.0f} ms, once per process): {warm['first']:.1f} ms "
        f"(second {warm['second']:.1f} ms)"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=40)
    parser.add_argument("--words", type=int, default=2500)
    parser.add_argument("--memory-words", type=int, default=50_000)
    parser.add_argument("--seeds", action="store_true", help="also time the seed policies in ../shared/seeds")
    parser.add_argument("--pin", action="store_true", help="pin the process to one core")
    parser.add_argument("--ota", action="store_true", help="ms per 1,000 words on the newest OTA versions")
    parser.add_argument("--memory-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--warm-up-child", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.warm_up_child is not None:
        warm_up_child(bool(args.warm_up_child))
        return 0
    if args.memory_child:
        memory_child(args.memory_child)
        return 0

    pinned = pin_one_core() if args.pin else "not pinned (the parser is single-threaded; --pin to pin)"
    print(f"bench_parser: {pinned}, python {sys.version.split()[0]}, load average {os.getloadavg()[0]:.1f}")
    from summaries.parser import warm_up

    warm_up()  # the one-off costs: the hyphenation dictionary, lazily compiled patterns (see first_cards)
    texts = [make_policy(args.words, salt=i) for i in range(args.runs)]
    took = time_cards(texts)
    words = len(texts[0].split())
    print(
        f"full card, {words}-word policy, {args.runs} runs: median {statistics.median(took):.1f} ms, "
        f"p90 {sorted(took)[int(0.9 * len(took))]:.1f} ms, min {min(took):.1f} ms  (target <= 10 ms median, issue 13)"
    )
    print("per section, median ms:")
    for name, ms in sorted(section_times(args.words, max(5, args.runs // 4)).items(), key=lambda kv: -kv[1]):
        print(f"  {name:<16} {ms:7.2f}")

    small, large = growth()
    print(
        f"growth, rights list x500 / x5,000: {small:.2f} s / {large:.2f} s, ratio {large / small:.1f} "
        "(10 is linear; the old bound was 20 s for x5,000)"
    )

    first_cards()

    if args.seeds:
        seeds = ROOT.parent / "shared" / "seeds"
        if seeds.is_dir():
            from policies.ingest import extract

            for path in sorted(seeds.glob("*.txt")):
                text = extract(path.read_bytes(), path.name).text
                runs = time_cards([text + f"\n{i}" for i in range(10)])
                print(f"  seed {path.name}: {len(text.split())} words, median {statistics.median(runs):.1f} ms")
        else:
            print("  ../shared/seeds is absent; seed timings skipped")

    if args.ota:
        ota_rates()

    result = subprocess.run(
        [sys.executable, __file__, "--memory-child", str(args.memory_words)],
        capture_output=True,
        text=True,
        check=False,
        cwd=ROOT,
    )
    if result.returncode:
        print(f"memory run failed:\n{result.stderr[-3000:]}")
        return 1
    memory = json.loads(result.stdout.strip().splitlines()[-1])
    print(
        f"memory, {memory['words']}-word policy: max RSS {memory['max_rss_mb']} MB "
        f"(grew {memory['rss_growth_mb']} MB during the card; traced peak {memory['traced_peak_mb']} MB), "
        f"took {memory['seconds']} s  (target <= 100 MB RSS)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``make bench``: the whole pipeline (embedded broker, four agents as worker processes) over a
generated corpus, against bare spaCy ``nlp.pipe`` over the same texts on the same cores.

Phases, per K (entities worker processes):
1. saturation: every article produced at once; articles/s = articles / (last done - first send);
2. latency (last K only): articles produced at a fixed rate of ``rate_fraction`` x phase 1's
   articles/s; latency = time an article's ``articles.done`` is read - time it was sent;
then each worker's /metrics (seconds per article per stage) and peak RSS (/proc VmHWM).
Finally bare spaCy over the phase-1 normalised texts with ``n_process = cores``.
Prints one JSON line per K, then the final JSON line.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import resource
import socket
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import orjson
from aiokafka import AIOKafkaProducer

from bench.corpus import Article, corpus
from services.cli.fleet import WorkerFleet
from services.cli.kafka_io import consume
from services.common import config
from services.common.broker import EmbeddedBroker
from services.common.config import AGENTS, Settings
from services.common.kafka import client_kwargs, ensure_topics

_CLK = os.sysconf("SC_CLK_TCK")
_METRIC = re.compile(r'^newsstream_processing_seconds_(sum|count)\{agent="(\w+)"\} ([0-9.eE+-]+)$', re.M)


def _env(name: str, default: str) -> str:
    return os.environ.get(f"NEWSSTREAM_BENCH_{name}", default)


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--articles", type=int, default=int(_env("ARTICLES", "1000")), help="corpus size (phase 1)")
    p.add_argument("--workers", "-k", type=int, default=int(_env("WORKERS", "0")),
                   help="entities worker processes K (default: cores)")
    p.add_argument("--light-workers", type=int, default=int(_env("LIGHT_WORKERS", "1")),
                   help="processes of each other agent (they are light)")
    p.add_argument("--partitions", "-p", type=int, default=int(_env("PARTITIONS", "0")),
                   help="partitions per topic (default: max(2, K))")
    p.add_argument("--cores", type=int, default=int(_env("CORES", str(os.cpu_count() or 1))),
                   help="cores given to the benchmark (CPU affinity) and bare spaCy's n_process")
    p.add_argument("--scale", default=_env("SCALE", ""), help="comma-separated K values, e.g. 1,2")
    p.add_argument("--latency-seconds", type=float, default=float(_env("LATENCY_SECONDS", "40")),
                   help="duration of the fixed-rate phase")
    p.add_argument("--rate-fraction", type=float, default=float(_env("RATE_FRACTION", "0.5")),
                   help="offered load of the latency phase as a fraction of measured max")
    p.add_argument("--no-spacy", action="store_true", help="skip the bare spaCy baseline")
    p.add_argument("--seed", type=int, default=int(_env("SEED", "7")))
    p.add_argument("--words", type=int, default=int(_env("WORDS", "600")), help="body words per article")
    p.add_argument("--keep-logs", action="store_true", help="print where the worker logs are and keep them")
    return p.parse_args(argv)


def log(msg: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ----- processes: RSS and CPU from /proc ------------------------------------------------------

def proc_status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def proc_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (fields 14 and 15 of /proc/pid/stat)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / _CLK


class RssSampler(threading.Thread):
    """Samples VmRSS of the given pids; VmHWM (the kernel's peak) is read at the end as well."""

    def __init__(self, pids: dict[str, int], interval: float = 0.5) -> None:
        super().__init__(daemon=True)
        self.pids = pids
        self.interval = interval
        self.peak_kb: dict[str, int] = dict.fromkeys(pids, 0)
        self.stopped = threading.Event()

    def run(self) -> None:
        while not self.stopped.wait(self.interval):
            self.sample()

    def sample(self) -> None:
        for name, pid in self.pids.items():
            self.peak_kb[name] = max(self.peak_kb[name], proc_status_kb(pid, "VmRSS"), proc_status_kb(pid, "VmHWM"))

    def stop(self) -> dict[str, float]:
        self.stopped.set()
        self.join(2)
        self.sample()
        return {name: round(kb / 1024, 1) for name, kb in self.peak_kb.items()}


# ----- the pipeline ---------------------------------------------------------------------------

def free_port_block(n: int) -> int:
    """A base port with n free ports after it (best effort: nothing reserves them)."""
    for _ in range(50):
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            base = int(s.getsockname()[1])
        if base + n >= 65000:
            continue
        ok = True
        for port in range(base, base + n):
            with socket.socket() as s:
                try:
                    s.bind(("127.0.0.1", port))
                except OSError:
                    ok = False
                    break
        if ok:
            return base
    raise RuntimeError("no free block of ports")


def http_get(url: str, timeout: float = 2.0) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, ""
    except (OSError, urllib.error.URLError):
        return 0, ""


def wait_ready(fleet: WorkerFleet, timeout: float = 120.0) -> None:
    """Every worker answers /readyz 200 (partitions assigned, no rebalance) twice in a row."""
    deadline = time.monotonic() + timeout
    streak = 0
    while time.monotonic() < deadline:
        dead = [n for n, ok in fleet.alive().items() if not ok]
        if dead:
            raise RuntimeError(f"worker(s) exited: {dead}")
        codes = [http_get(f"http://127.0.0.1:{port}/readyz")[0] for port in fleet.ports.values()]
        streak = streak + 1 if all(c == 200 for c in codes) else 0
        if streak >= 2:
            return
        time.sleep(1.0)
    raise TimeoutError("workers not ready")


def scrape_stages(fleet: WorkerFleet) -> dict[str, dict[str, float]]:
    """Sum and count of newsstream_processing_seconds per agent, over all its replicas."""
    out: dict[str, dict[str, float]] = {}
    for port in fleet.ports.values():
        _, text = http_get(f"http://127.0.0.1:{port}/metrics", timeout=5)
        for kind, agent, value in _METRIC.findall(text):
            out.setdefault(agent, {"sum": 0.0, "count": 0.0})[kind] += float(value)
    return out


@dataclass
class PushResult:
    sent: dict[str, float] = field(default_factory=dict)
    done: dict[str, float] = field(default_factory=dict)
    dead: set[str] = field(default_factory=set)
    first_send: float = 0.0

    @property
    def missing(self) -> int:
        return len(self.sent) - len(self.done)

    def latencies(self) -> list[float]:
        return sorted(self.done[k] - self.sent[k] for k in self.done)


async def push(settings: Settings, articles: list[Article], rate: float | None, timeout: float) -> PushResult:
    """Send the articles (all at once, or ``rate`` per second on a fixed schedule) and time
    each one's ``articles.done`` (or dead letter)."""
    res = PushResult()
    expected = {a.id for a in articles}
    started = asyncio.Event()

    async def reader() -> None:
        async for r in consume(settings, [config.ARTICLE_DONE, config.DEADLETTER], from_beginning=False,
                               started=started):
            now = time.time()
            key = r.key
            if r.topic == config.DEADLETTER and key not in expected:
                value = r.json_value()
                key = value.get("article_id") if isinstance(value, dict) else None
            if key in expected and key not in res.done:
                res.done[key] = now
                if r.topic == config.DEADLETTER:
                    res.dead.add(key)
                if len(res.done) == len(expected):
                    return

    task = asyncio.create_task(reader())
    await asyncio.wait_for(started.wait(), 30)
    # No batching delay when pacing: each send is timed on its own.
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, acks="all",
                                linger_ms=0 if rate else 5, max_request_size=4 * 1024 * 1024,
                                **client_kwargs(settings))
    await producer.start()
    try:
        futures = []
        res.first_send = time.time()
        for i, a in enumerate(articles):
            if rate:
                delay = res.first_send + i / rate - time.time()
                if delay > 0:
                    await asyncio.sleep(delay)
            value, key = a.submission()
            res.sent[a.id] = time.time()
            futures.append(await producer.send(settings.topic(config.RAW), value=value, key=key))
        await asyncio.gather(*futures)
    finally:
        await producer.stop()
    with contextlib.suppress(TimeoutError):
        await asyncio.wait_for(task, timeout)
    return res


async def normalised_texts(settings: Settings, ids: set[str]) -> dict[str, tuple[str, int]]:
    """The texts the entities stage parsed (text, word_count), read back from articles.normalised."""
    out: dict[str, tuple[str, int]] = {}
    async for r in consume(settings, [config.NORMALISED], from_beginning=True, idle_timeout=3.0):
        if r.key in ids:
            v = orjson.loads(r.value)
            if not v.get("skipped"):
                out[r.key] = (v["text"], int(v.get("word_count") or len(v["text"].split())))
            if len(out) == len(ids):
                break
    return out


def quantile(sorted_values: list[float], q: float) -> float:
    if not sorted_values:
        return float("nan")
    i = min(len(sorted_values) - 1, max(0, round(q * (len(sorted_values) - 1))))
    return sorted_values[i]


def run_pipeline(args: argparse.Namespace, k: int, main: list[Article], paced: list[Article] | None,
                 warm: list[Article]) -> dict[str, Any]:
    partitions = args.partitions or max(2, k)
    replicas = {a: (k if a == "entities" else args.light_workers) for a in AGENTS}
    ports = len(AGENTS) * max(replicas.values())
    logs = Path(tempfile.mkdtemp(prefix="newsstream-bench-"))
    result: dict[str, Any] = {"k": k, "partitions": partitions, "articles": len(main)}
    with EmbeddedBroker() as broker:
        settings = Settings(broker=broker.url, partitions=partitions, metrics_port=free_port_block(ports))
        asyncio.run(ensure_topics(settings))
        fleet = WorkerFleet(settings, list(AGENTS), log_dir=logs, replicas=replicas)
        t0 = time.monotonic()
        fleet.start()
        sampler = RssSampler({n: p.pid for n, p in fleet.processes.items()})
        sampler.start()
        try:
            wait_ready(fleet)
            asyncio.run(push(settings, warm, None, 120))  # first batches allocate; not measured
            wait_ready(fleet)
            log(f"K={k} P={partitions}: {len(fleet.processes)} workers ready in {time.monotonic() - t0:.1f}s")
            cpu0 = {n: proc_cpu_s(p.pid) for n, p in fleet.processes.items()}
            broker_cpu0 = proc_cpu_s(broker.process.pid) if broker.process else 0.0
            before = scrape_stages(fleet)
            own_cpu0 = time.process_time()
            sat = asyncio.run(push(settings, main, None, timeout=max(120.0, len(main) * 1.5)))
            own_cpu = time.process_time() - own_cpu0
            elapsed = max(sat.done.values(), default=sat.first_send) - sat.first_send
            after = scrape_stages(fleet)
            cpu1 = {n: proc_cpu_s(p.pid) for n, p in fleet.processes.items()}
            broker_cpu1 = proc_cpu_s(broker.process.pid) if broker.process else 0.0
            n_done = len(sat.done)
            texts = asyncio.run(normalised_texts(settings, {a.id for a in main}))
            words = sum(w for _, w in texts.values())
            result.update(
                articles_per_s=round(n_done / elapsed, 3) if elapsed > 0 else 0.0,
                words_per_s=round(words / elapsed, 1) if elapsed > 0 else 0.0,
                elapsed_s=round(elapsed, 2), missing=sat.missing, dead_letters=len(sat.dead),
                saturated_latency_p50_s=round(quantile(sat.latencies(), 0.5), 3),
            )
            # Where the time goes: handle() seconds per article per stage (phase 1 only), and CPU
            # seconds per article of each process (a 2-core box is CPU-bound, so CPU is what counts).
            result["stages"] = {
                a: round((after[a]["sum"] - before.get(a, {}).get("sum", 0.0))
                         / max(1.0, after[a]["count"] - before.get(a, {}).get("count", 0.0)), 4)
                for a in AGENTS if a in after
            }
            cpu = {n: round((cpu1[n] - cpu0[n]) / max(1, n_done), 4) for n in cpu1}
            cpu["broker"] = round((broker_cpu1 - broker_cpu0) / max(1, n_done), 4)
            result["cpu_s_per_article"] = cpu
            # Robust to other load on a shared machine, unlike articles/s: CPU the service spends.
            result["pipeline_cpu_s_per_article"] = round(sum(cpu.values()), 4)
            # The load generator shares the cores: its CPU is not the pipeline's, but it is not free.
            result["load_generator_cpu_s_per_article"] = round(own_cpu / max(1, n_done), 4)
            log(f"K={k}: saturation {result['articles_per_s']} articles/s, {result['words_per_s']} words/s "
                f"({n_done}/{len(main)} done in {elapsed:.1f}s)")
            if paced:
                rate = args.rate_fraction * result["articles_per_s"]
                n = max(20, min(len(paced), round(rate * args.latency_seconds)))
                log(f"K={k}: latency phase, {n} articles at {rate:.2f}/s")
                lat = asyncio.run(push(settings, paced[:n], rate, timeout=60))
                ls = lat.latencies()
                result.update(
                    offered_rate_per_s=round(rate, 3), latency_articles=n, latency_missing=lat.missing,
                    latency_p50_s=round(quantile(ls, 0.5), 3), latency_p95_s=round(quantile(ls, 0.95), 3),
                    latency_p99_s=round(quantile(ls, 0.99), 3), latency_max_s=round(ls[-1], 3) if ls else None,
                )
        except Exception:
            for f in sorted(logs.glob("*.log")):
                sys.stderr.write(f"--- {f.name} (last lines)\n")
                sys.stderr.write("\n".join(f.read_text(errors="replace").splitlines()[-15:]) + "\n")
            raise
        finally:
            rss = sampler.stop()
            fleet.stop()
    result["peak_rss_mb_by_worker"] = rss
    result["peak_rss_mb"] = max(rss.values(), default=0.0)
    result["_texts"] = [t for t, _ in texts.values()]
    result["_words"] = words
    if args.keep_logs:
        log(f"worker logs in {logs}")
    else:
        for f in logs.glob("*.log"):
            f.unlink()
        logs.rmdir()
    return result


# ----- bare spaCy ------------------------------------------------------------------------------

def bare_spacy(texts: list[str], words: int, cores: int) -> dict[str, Any]:
    """The same model and components (``load_nlp``) and batch size as the entities stage, with
    n_process = cores. Timed over the whole call (spaCy forks its processes per call)."""
    from services.common.nlp import load_nlp

    settings = Settings()
    nlp = load_nlp(settings.spacy_model)
    list(nlp.pipe(texts[:4], batch_size=settings.spacy_batch_size))  # lazy initialisation, not timed
    cpu0 = _cpu_self_and_children()
    started = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, batch_size=settings.spacy_batch_size, n_process=cores))
    elapsed = time.perf_counter() - started
    cpu = _cpu_self_and_children() - cpu0
    return {"spacy_articles_per_s": round(n / elapsed, 3), "spacy_words_per_s": round(words / elapsed, 1),
            "spacy_cpu_s_per_article": round(cpu / max(1, n), 4),
            "spacy_n_process": cores, "spacy_components": nlp.pipe_names, "spacy_elapsed_s": round(elapsed, 2)}


def _cpu_self_and_children() -> float:
    """CPU seconds of this process and its waited-for children (spaCy joins its workers)."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        r = resource.getrusage(who)
        total += r.ru_utime + r.ru_stime
    return total


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    wall = time.monotonic()
    cores = max(1, min(args.cores, os.cpu_count() or 1))
    with contextlib.suppress(AttributeError, OSError):
        os.sched_setaffinity(0, set(sorted(os.sched_getaffinity(0))[:cores]))  # workers inherit it
    os.environ.setdefault("NEWSSTREAM_LOG_LEVEL", "warn")  # info logs one line per article per stage
    ks = [int(x) for x in args.scale.split(",") if x.strip()] or [args.workers or cores]
    n_paced = max(20, int(args.latency_seconds * 20))  # enough for any rate this machine reaches
    everything = list(corpus(args.articles + n_paced, seed=args.seed, target_words=args.words))
    main_set, paced = everything[:args.articles], everything[args.articles:]
    log(f"corpus: {len(main_set)} articles (+{len(paced)} for the latency phase), ~{args.words} body words; "
        f"K={ks}, cores={cores}")
    results = []
    for i, k in enumerate(ks):
        # A fresh broker per K; the warm-up and latency articles differ from the measured ones,
        # so the normaliser never sees a duplicate.
        res = run_pipeline(args, k, main_set, paced if i == len(ks) - 1 else None,
                           list(corpus(8, seed=args.seed + 1000 + k, target_words=args.words)))
        results.append(res)
        print(json.dumps({key: v for key, v in res.items() if not key.startswith("_")}), flush=True)
    final = {key: v for key, v in results[-1].items() if not key.startswith("_")}
    if not args.no_spacy:
        log(f"bare spaCy over the same {len(results[-1]['_texts'])} texts, n_process={cores}")
        final.update(bare_spacy(results[-1]["_texts"], results[-1]["_words"], cores))
        final["spacy_ratio"] = round(final["articles_per_s"] / final["spacy_articles_per_s"], 3)
        # The same ratio in CPU per article (bare spaCy's CPU / the pipeline's): what the ratio
        # would be on a quiet machine where both use every core fully.
        final["spacy_cpu_ratio"] = round(final["spacy_cpu_s_per_article"] / final["pipeline_cpu_s_per_article"], 3)
    if len(results) > 1:
        final["scale"] = [{"k": r["k"], "articles_per_s": r["articles_per_s"], "words_per_s": r["words_per_s"]}
                          for r in results]
    final["cores"] = cores
    final["bench_wall_s"] = round(time.monotonic() - wall, 1)
    print(json.dumps(final), flush=True)
    return 0 if final.get("missing", 0) == 0 else 1


if __name__ == "__main__":
    sys.exit(main())

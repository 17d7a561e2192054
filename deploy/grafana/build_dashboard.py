"""Build the newsstream Grafana dashboard as code (grafana-foundation-sdk).

Usage (from the repository root):
    .venv/bin/python deploy/grafana/build_dashboard.py            # writes dashboards/newsstream.json
    .venv/bin/python deploy/grafana/build_dashboard.py --check    # exit 1 when the committed JSON is stale
    .venv/bin/python deploy/grafana/build_dashboard.py --stdout

Every metric name used here comes from services/common/metrics.py;
tests/deploy/test_metric_names.py checks that.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from grafana_foundation_sdk.builders import common as common_b
from grafana_foundation_sdk.builders import dashboard as dash_b
from grafana_foundation_sdk.builders import prometheus as prom_b
from grafana_foundation_sdk.builders import stat as stat_b
from grafana_foundation_sdk.builders import timeseries as ts_b
from grafana_foundation_sdk.cog.encoder import JSONEncoder
from grafana_foundation_sdk.models import common as common_m
from grafana_foundation_sdk.models import dashboard as dash_m

from services.common.config import AGENTS

OUTPUT = Path(__file__).resolve().parent / "dashboards" / "newsstream.json"
UID = "newsstream-overview"

# Panels pick the data source through a variable so the JSON works with any
# Prometheus data source name; the provisioned one has uid "prometheus".
DS = dash_m.DataSourceRef(type_val="prometheus", uid="${datasource}")
AGENT = 'agent=~"$agent"'
RATE = "$__rate_interval"


def query(expr: str, legend: str, ref: str = "A") -> prom_b.Dataquery:
    return prom_b.Dataquery().expr(expr).legend_format(legend).ref_id(ref).range().datasource(DS)


def timeseries(
    title: str,
    targets: list[tuple[str, str]],
    unit: str,
    description: str,
    *,
    span: int = 12,
    stacked: bool = False,
) -> ts_b.Panel:
    panel = (
        ts_b.Panel()
        .title(title)
        .description(description)
        .datasource(DS)
        .unit(unit)
        .span(span)
        .height(8)
        .fill_opacity(10)
        .line_width(1)
        .min(0)
        .legend(
            common_b.VizLegendOptions()
            .show_legend(True)
            .display_mode(common_m.LegendDisplayMode.TABLE)
            .placement(common_m.LegendPlacement.BOTTOM)
            .calcs(["mean", "max", "lastNotNull"])
        )
        .tooltip(
            common_b.VizTooltipOptions().mode(common_m.TooltipDisplayMode.MULTI).sort(common_m.SortOrder.DESCENDING)
        )
    )
    if stacked:
        panel = panel.stacking(common_b.StackingConfig().mode(common_m.StackingMode.NORMAL))
    for i, (expr, legend) in enumerate(targets):
        panel = panel.with_target(query(expr, legend, chr(ord("A") + i)))
    return panel


def thresholds(*steps: tuple[float | None, str]) -> dash_b.ThresholdsConfig:
    return (
        dash_b.ThresholdsConfig()
        .mode(dash_m.ThresholdsMode.ABSOLUTE)
        .steps([dash_m.Threshold(value=value, color=color) for value, color in steps])
    )


def stat(
    title: str, expr: str, unit: str, description: str, steps: dash_b.ThresholdsConfig, legend: str = ""
) -> stat_b.Panel:
    return (
        stat_b.Panel()
        .title(title)
        .description(description)
        .datasource(DS)
        .unit(unit)
        .span(4)
        .height(4)
        .thresholds(steps)
        .color_mode(common_m.BigValueColorMode.BACKGROUND)
        .graph_mode(common_m.BigValueGraphMode.AREA)
        .reduce_options(common_b.ReduceDataOptions().calcs(["lastNotNull"]).values(False))
        .with_target(query(expr, legend))
    )


def build() -> dash_m.Dashboard:
    builder = (
        dash_b.Dashboard("newsstream")
        .uid(UID)
        .description("Streaming news analysis: throughput, lag, latency, errors and analysis output per agent")
        .tags(["newsstream", "kafka", "faust"])
        .refresh("30s")
        .time("now-1h", "now")
        .timezone("utc")
        .tooltip(dash_m.DashboardCursorSync.CROSSHAIR)
        .with_variable(dash_b.DatasourceVariable("datasource").label("Data source").type("prometheus"))
        .with_variable(
            dash_b.QueryVariable("agent")
            .label("Agent")
            .datasource(DS)
            .query("label_values(newsstream_worker_up, agent)")
            .refresh(dash_m.VariableRefresh.ON_TIME_RANGE_CHANGED)
            .sort(dash_m.VariableSort.ALPHABETICAL_ASC)
            .multi(True)
            .include_all(True)
            .current(dash_m.VariableOption(text="All", value="$__all", selected=True))
        )
    )

    # --- Overview -----------------------------------------------------------
    builder = (
        builder.with_row(dash_b.Row("Overview"))
        .with_panel(
            stat(
                "Workers up",
                f"sum(newsstream_worker_up{{{AGENT}}})",
                "none",
                "Worker processes reporting newsstream_worker_up=1 (all replicas of the selected agents).",
                thresholds((None, "red"), (1, "green")),
            )
        )
        .with_panel(
            stat(
                "Workers ready",
                f"sum(newsstream_worker_ready{{{AGENT}}}) / sum(newsstream_worker_up{{{AGENT}}})",
                "percentunit",
                "Share of running workers that reach the broker and hold partitions (/readyz).",
                thresholds((None, "red"), (0.99, "green")),
            )
        )
        .with_panel(
            stat(
                "Scrape targets down",
                'count(up{job=~"normaliser|entities|stances|events"} == 0) or vector(0)',
                "none",
                "Worker endpoints Prometheus failed to scrape.",
                thresholds((None, "green"), (1, "red")),
            )
        )
        .with_panel(
            stat(
                "Articles in /s (normaliser)",
                f'sum(rate(newsstream_messages_in_total{{agent="normaliser"}}[{RATE}]))',
                "reqps",
                "Raw articles consumed from articles.raw.",
                thresholds((None, "blue")),
            )
        )
        .with_panel(
            stat(
                "End-to-end p99",
                "histogram_quantile(0.99, sum by (le) "
                f'(rate(newsstream_end_to_end_latency_seconds_bucket{{stage="events"}}[{RATE}])))',
                "s",
                "Submission to published events, 99th percentile (alert above 5 s).",
                thresholds((None, "green"), (2, "orange"), (5, "red")),
            )
        )
        .with_panel(
            stat(
                "Total consumer lag",
                f"sum(newsstream_consumer_lag_messages{{{AGENT}}})",
                "short",
                "Messages waiting, summed over the selected agents' partitions.",
                thresholds((None, "green"), (1000, "orange"), (10000, "red")),
            )
        )
    )

    # --- Throughput ---------------------------------------------------------
    builder = (
        builder.with_row(dash_b.Row("Throughput"))
        .with_panel(
            timeseries(
                "Messages in by agent and topic",
                [
                    (
                        f"sum by (agent, topic) (rate(newsstream_messages_in_total{{{AGENT}}}[{RATE}]))",
                        "{{agent}} ← {{topic}}",
                    )
                ],
                "reqps",
                "Messages consumed per second.",
            )
        )
        .with_panel(
            timeseries(
                "Messages out by agent and topic",
                [
                    (
                        f"sum by (agent, topic) (rate(newsstream_messages_out_total{{{AGENT}}}[{RATE}]))",
                        "{{agent}} → {{topic}}",
                    )
                ],
                "reqps",
                "Messages produced per second (incl. dead letters and articles.done).",
            )
        )
    )

    # --- Lag ----------------------------------------------------------------
    builder = (
        builder.with_row(dash_b.Row("Consumer lag"))
        .with_panel(
            timeseries(
                "Consumer lag by agent",
                [(f"sum by (agent, topic) (newsstream_consumer_lag_messages{{{AGENT}}})", "{{agent}} ({{topic}})")],
                "short",
                "High-water mark minus position, summed over partitions. Rising lag with flat input = stuck agent.",
            )
        )
        .with_panel(
            timeseries(
                "Consumer lag by partition",
                [
                    (
                        f"max by (agent, partition) (newsstream_consumer_lag_messages{{{AGENT}}})",
                        "{{agent}} p{{partition}}",
                    )
                ],
                "short",
                "One hot partition means skewed keys; all partitions rising means too few workers.",
            )
        )
    )

    # --- Latency ------------------------------------------------------------
    e2e = "newsstream_end_to_end_latency_seconds_bucket"
    proc = "newsstream_processing_seconds_bucket"
    builder = (
        builder.with_row(dash_b.Row("Latency"))
        .with_panel(
            timeseries(
                "End-to-end latency (whole pipeline)",
                [
                    (
                        f'histogram_quantile({q}, sum by (le) (rate({e2e}{{stage="events"}}[{RATE}])))',
                        f"p{int(q * 100)}",
                    )
                    for q in (0.5, 0.95, 0.99)
                ],
                "s",
                "Time from submission to the events output (stage=events).",
                span=8,
            )
        )
        .with_panel(
            timeseries(
                "End-to-end latency p95 by stage",
                [(f"histogram_quantile(0.95, sum by (stage, le) (rate({e2e}[{RATE}])))", "{{stage}}")],
                "s",
                "Time from submission to each stage's output: where the time goes.",
                span=8,
            )
        )
        .with_panel(
            timeseries(
                "Processing time per message by agent",
                [
                    (
                        f"histogram_quantile({q}, sum by (agent, le) (rate({proc}{{{AGENT}}}[{RATE}])))",
                        f"{{{{agent}}}} p{int(q * 100)}",
                    )
                    for q in (0.5, 0.95, 0.99)
                ],
                "s",
                "Time spent inside each agent per message.",
                span=8,
            )
        )
    )

    # --- Errors and skips ----------------------------------------------------
    builder = (
        builder.with_row(dash_b.Row("Dead letters, retries, skips"))
        .with_panel(
            timeseries(
                "Dead letters by stage and reason",
                [
                    (
                        "sum by (stage, reason) (rate(newsstream_deadletters_total[$__rate_interval]))",
                        "{{stage}}: {{reason}}",
                    )
                ],
                "reqps",
                "Inputs sent to articles.deadletter (alert above 0.1/s).",
                span=8,
                stacked=True,
            )
        )
        .with_panel(
            timeseries(
                "Retries by agent",
                [(f"sum by (agent) (rate(newsstream_retries_total{{{AGENT}}}[{RATE}]))", "{{agent}}")],
                "reqps",
                "Failed processing attempts that were retried.",
                span=8,
            )
        )
        .with_panel(
            timeseries(
                "Skipped articles by agent and reason",
                [
                    (
                        f"sum by (agent, reason) (rate(newsstream_articles_skipped_total{{{AGENT}}}[{RATE}]))",
                        "{{agent}}: {{reason}}",
                    )
                ],
                "reqps",
                "Articles passed on without analysis (duplicate, language, empty...).",
                span=8,
                stacked=True,
            )
        )
    )

    # --- Analysis output -----------------------------------------------------
    builder = (
        builder.with_row(dash_b.Row("Analysis output"))
        .with_panel(
            timeseries(
                "Events by type",
                [(f"sum by (type) (rate(newsstream_events_total[{RATE}]))", "{{type}}")],
                "reqps",
                "PLOVER events published per second.",
                stacked=True,
            )
        )
        .with_panel(
            timeseries(
                "Entities by type",
                [(f"sum by (type) (rate(newsstream_entities_total[{RATE}]))", "{{type}}")],
                "reqps",
                "Canonical entities tagged per second.",
                span=6,
                stacked=True,
            )
        )
        .with_panel(
            timeseries(
                "Quotes and stances",
                [
                    (f"sum by (direct) (rate(newsstream_quotes_total[{RATE}]))", "quotes direct={{direct}}"),
                    (f"sum by (polarity) (rate(newsstream_stances_total[{RATE}]))", "stances {{polarity}}"),
                ],
                "reqps",
                "Quotes attributed and stances found per second.",
                span=6,
            )
        )
        .with_panel(
            timeseries(
                "Stories in the index",
                [("max(newsstream_stories)", "stories")],
                "short",
                "Cross-outlet stories held by the events agent.",
                span=6,
            )
        )
        .with_panel(
            timeseries(
                "Batch size by agent",
                [
                    (
                        f"sum by (agent) (rate(newsstream_batch_size_sum{{{AGENT}}}[{RATE}])) / "
                        f"sum by (agent) (rate(newsstream_batch_size_count{{{AGENT}}}[{RATE}]))",
                        "{{agent}}",
                    )
                ],
                "short",
                "Mean messages per processing batch.",
                span=6,
            )
        )
    )

    # --- Faust's own sensor metrics (name prefix faust_<agent>, see services/common/worker.py) ---
    builder = (
        builder.with_row(dash_b.Row("Faust internals"))
        .with_panel(
            timeseries(
                "Rebalances (Faust)",
                [(f"sum(increase(faust_{a}_total_rebalances[{RATE}]))", a) for a in AGENTS],
                "short",
                "Consumer-group rebalances per agent. Frequent rebalances = crashing or flapping workers.",
            )
        )
        .with_panel(
            timeseries(
                "Offset commit latency p95 (Faust)",
                [
                    (
                        f"histogram_quantile(0.95, sum by (le) "
                        f"(rate(faust_{a}_consumer_commit_latency_bucket[{RATE}]))) / 1000",
                        a,
                    )
                    for a in AGENTS
                ],
                "s",
                "Time to commit consumed offsets to the broker (Faust observes milliseconds).",
            )
        )
    )

    # --- One row per selected agent (repeats over the `agent` variable) ------
    one = 'agent="$agent"'
    builder = (
        builder.with_row(dash_b.Row("Agent: $agent").repeat("agent"))
        .with_panel(
            timeseries(
                "$agent: in / out",
                [
                    (f"sum by (topic) (rate(newsstream_messages_in_total{{{one}}}[{RATE}]))", "in ← {{topic}}"),
                    (f"sum by (topic) (rate(newsstream_messages_out_total{{{one}}}[{RATE}]))", "out → {{topic}}"),
                ],
                "reqps",
                "Throughput of this agent.",
                span=6,
            )
        )
        .with_panel(
            timeseries(
                "$agent: lag by partition",
                [(f"max by (partition) (newsstream_consumer_lag_messages{{{one}}})", "p{{partition}}")],
                "short",
                "Max useful replicas = partitions of the input topic.",
                span=6,
            )
        )
        .with_panel(
            timeseries(
                "$agent: processing time",
                [
                    (f"histogram_quantile({q}, sum by (le) (rate({proc}{{{one}}}[{RATE}])))", f"p{int(q * 100)}")
                    for q in (0.5, 0.95, 0.99)
                ],
                "s",
                "Per-message processing time percentiles.",
                span=6,
            )
        )
        .with_panel(
            timeseries(
                "$agent: replicas up / ready",
                [
                    (f"sum(newsstream_worker_up{{{one}}})", "up"),
                    (f"sum(newsstream_worker_ready{{{one}}})", "ready"),
                    ('sum(up{job="$agent"})', "scraped"),
                ],
                "short",
                "Worker processes of this agent: alive, ready, and reachable by Prometheus.",
                span=6,
            )
        )
    )
    return builder.build()


def render() -> str:
    """The dashboard JSON exactly as committed (stable key order, trailing newline)."""
    data = json.loads(json.dumps(build(), cls=JSONEncoder))
    return json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="fail if the committed JSON differs from the generator")
    parser.add_argument("--stdout", action="store_true", help="print instead of writing the file")
    args = parser.parse_args(argv)
    text = render()
    if args.stdout:
        sys.stdout.write(text)
        return 0
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text(encoding="utf-8") != text:
            print(f"{OUTPUT} is stale: run python deploy/grafana/build_dashboard.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUTPUT}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

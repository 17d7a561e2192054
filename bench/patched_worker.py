"""``newsstream worker`` with the worker-shell changes this benchmark proposes (issue 10), applied
as patches so their effect can be measured before services/common/worker.py adopts them.

- Faust hard-codes ``fetch_max_wait_ms=1500`` for its consumer. The embedded broker does not
  answer a waiting fetch when data arrives, so every hop between agents waited ~0.4 s
  (measured: 1500 ms -> 0.38 s per fetch; 500 ms -> 7 ms; 100 ms -> 9 ms).
"""

from __future__ import annotations

import sys
from typing import Any

from faust.transport.drivers import aiokafka as faust_aiokafka

FETCH_MAX_WAIT_MS = 100

_create = faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer


def _create_worker_consumer(self: Any, transport: Any) -> Any:
    consumer = _create(self, transport)
    consumer._fetch_max_wait_ms = FETCH_MAX_WAIT_MS  # read by AIOKafkaConsumer.start() for its Fetcher
    return consumer


faust_aiokafka.AIOKafkaConsumerThread._create_worker_consumer = _create_worker_consumer  # type: ignore[method-assign]

if __name__ == "__main__":
    from services.cli.main import main

    sys.exit(main())

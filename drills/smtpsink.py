"""The drills' mail server: accepts every message and writes one JSON line per message (and per
pause) to a file; delivers nothing.

A control file can make it pause at a stage of the SMTP conversation, `{"rcpt": 6}` (before
accepting a recipient, so before the message is sent) or `{"quit": 6}` (after the message was
accepted, while the sender closes the session): long enough for a drill to kill the task worker
halfway through sending.

    python -m drills.smtpsink --port 8025 --log mail.jsonl --control pause.json
"""

import argparse
import asyncio
import email
import email.header
import json
import signal
import threading
import time
from pathlib import Path

from aiosmtpd.controller import Controller


class Sink:
    def __init__(self, log: Path, control: Path):
        self.log = log
        self.control = control
        self._lock = threading.Lock()

    def write(self, record: dict) -> None:
        with self._lock, self.log.open("a") as out:
            out.write(json.dumps(record) + "\n")

    async def _pause(self, stage: str) -> None:
        try:
            seconds = float(json.loads(self.control.read_text()).get(stage, 0))
        except (OSError, ValueError, AttributeError):
            return
        if seconds > 0:
            self.write({"event": f"{stage}-pause", "t": time.time(), "seconds": seconds})
            await asyncio.sleep(seconds)

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        await self._pause("rcpt")
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content or envelope.content)
        subject = str(
            email.header.make_header(email.header.decode_header(message["Subject"] or ""))
        )
        self.write(
            {
                "event": "message",
                "t": time.time(),
                "message_id": message["Message-ID"],
                "to": list(envelope.rcpt_tos),
                "subject": subject,
            }
        )
        return "250 Message accepted for delivery"

    async def handle_QUIT(self, server, session, envelope):
        await self._pause("quit")
        return "221 Bye"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--port", type=int, default=8025)
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--control", type=Path, required=True)
    args = parser.parse_args()
    controller = Controller(Sink(args.log, args.control), hostname="127.0.0.1", port=args.port)
    controller.start()
    print(f"SMTP sink listening on 127.0.0.1:{args.port}", flush=True)
    stop = threading.Event()
    for signum in (signal.SIGTERM, signal.SIGINT):
        signal.signal(signum, lambda *_: stop.set())
    stop.wait()
    controller.stop()


if __name__ == "__main__":
    main()

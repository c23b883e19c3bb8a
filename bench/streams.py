"""Streaming load: an asyncio HTTP/1.1 client on keep-alive connections that timestamps, for every
server-sent-event stream, the first byte, the first content event and the end of the response."""
import asyncio
import time
from dataclasses import dataclass, field

from procs import LOOPBACK

# Beyond its planned length, how long a slice may take before its streams count as failed.
SLICE_GRACE_SECONDS = 15
HEAD_END = b"\r\n\r\n"
LINE_END = b"\r\n"
EVENT_END = b"\n\n"


@dataclass
class Exchange:
    first_byte_ms: float
    first_content_ms: float
    total_ms: float
    events: int


@dataclass
class Slice:
    """The streams completed on all connections to one target during one time slice."""
    exchanges: list = field(default_factory=list)
    errors: int = 0
    wall_seconds: float = 0.0
    client_busy: float = 0.0


def build_request(port, path, headers, body):
    lines = [f"POST {path} HTTP/1.1", f"Host: {LOOPBACK}:{port}", f"Content-Length: {len(body)}"]
    lines += [f"{name}: {value}" for name, value in headers.items()]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + body


class StreamFailed(Exception):
    pass


class Connection:
    def __init__(self, port):
        self.port = port
        self.reader = self.writer = None

    async def exchange(self, request, first_marker, end_marker):
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(LOOPBACK, self.port)
        start = time.perf_counter()
        self.writer.write(request)
        head = await self.reader.readuntil(HEAD_END)
        first_byte = time.perf_counter()
        status, headers = _parse_head(head)
        if headers.get(b"transfer-encoding") == b"chunked":
            body, first_content = await self._read_chunked(first_marker)
        else:
            body = await self.reader.readexactly(int(headers.get(b"content-length", b"0")))
            first_content = None
        end = time.perf_counter()
        if headers.get(b"connection") == b"close":
            self.close()
        if status != 200 or first_content is None or end_marker not in body:
            raise StreamFailed(f"HTTP {status}: {bytes(body[:200])!r}")
        return Exchange(_ms(first_byte - start), _ms(first_content - start), _ms(end - start),
                        body.count(EVENT_END))

    async def _read_chunked(self, first_marker):
        body = bytearray()
        first_content = None
        while True:
            size = int((await self.reader.readuntil(LINE_END)).split(b";", 1)[0], 16)
            if size == 0:
                while await self.reader.readuntil(LINE_END) != LINE_END:
                    pass  # trailers
                return body, first_content
            scan_from = max(0, len(body) - len(first_marker) + 1)
            body += (await self.reader.readexactly(size + len(LINE_END)))[:-len(LINE_END)]
            if first_content is None and body.find(first_marker, scan_from) >= 0:
                first_content = time.perf_counter()

    def close(self):
        if self.writer is not None:
            self.writer.close()
        self.reader = self.writer = None


def _parse_head(head):
    lines = head.split(LINE_END)
    status = int(lines[0].split(b" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(b":")
        headers[name.strip().lower()] = value.strip().lower()
    return status, headers


def _ms(seconds):
    return seconds * 1000


async def run_slice(connections, request, first_marker, end_marker, seconds):
    """Every connection streams one response after another until `seconds` have passed."""
    result = Slice()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds

    async def stream_until_deadline(connection):
        while loop.time() < deadline:
            try:
                result.exchanges.append(await connection.exchange(request, first_marker, end_marker))
            except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError, StreamFailed):
                result.errors += 1
                connection.close()

    cpu_before, wall_before = time.process_time(), time.perf_counter()
    try:
        await asyncio.wait_for(asyncio.gather(*(stream_until_deadline(c) for c in connections)),
                               seconds + SLICE_GRACE_SECONDS)
    except asyncio.TimeoutError:
        result.errors += len(connections)
        for connection in connections:
            connection.close()
    result.wall_seconds = time.perf_counter() - wall_before
    result.client_busy = (time.process_time() - cpu_before) / result.wall_seconds
    return result

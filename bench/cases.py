"""What is sent: each case pairs the call a client makes to the gateway with the equivalent direct call.

The direct call goes to the simulator (the "direct" column) and, unchanged, through nginx (the "nginx"
column); the gateway call goes to the gateway. A translated case compares the gateway's translation
against the upstream call it translates to.
"""
import json
from dataclasses import dataclass, field

CHAT_MODEL = "gpt-4.1"
CLAUDE_MODEL = "claude-sonnet-4.5"
MAX_TOKENS = 64
PROMPT = "How fast is this?"
STREAM_PROMPT = "stream"
ANTHROPIC_HEADERS = {"anthropic-version": "2023-06-01"}

# Markers of the first streamed content and of a complete stream, per API.
CHAT_FIRST, CHAT_END = b'"content":"S', b"data: [DONE]"
MESSAGES_FIRST, MESSAGES_END = b"text_delta", b"message_stop"
RESPONSES_FIRST, RESPONSES_END = b"response.output_text.delta", b"response.completed"

TARGETS = ("direct", "nginx", "gateway")


@dataclass(frozen=True)
class Call:
    path: str
    body: dict
    headers: dict = field(default_factory=dict)
    first_marker: bytes = b""
    end_marker: bytes = b""

    def body_bytes(self):
        return json.dumps(self.body, separators=(",", ":")).encode()


@dataclass(frozen=True)
class Case:
    key: str
    label: str
    direct: Call
    gateway: Call

    def call_for(self, target):
        return self.gateway if target == "gateway" else self.direct


def copilot_headers(token):
    """What a Copilot client sends; the direct and nginx targets need them, the gateway adds its own."""
    return {"Authorization": "Bearer " + token, "Editor-Version": "vscode/1.93.0",
            "Copilot-Integration-Id": "vscode-chat"}


def headers_for(target, call, token):
    headers = {"Content-Type": "application/json", **call.headers}
    if target != "gateway":
        headers.update(copilot_headers(token))
    return headers


def _chat(prompt, stream=False):
    body = {"model": CHAT_MODEL, "messages": [{"role": "user", "content": prompt}]}
    return {**body, "stream": True} if stream else body


def _messages(model, prompt, stream=False):
    body = {"model": model, "max_tokens": MAX_TOKENS, "messages": [{"role": "user", "content": prompt}]}
    return {**body, "stream": True} if stream else body


_DIRECT_CHAT = Call("/chat/completions", _chat(PROMPT))
_DIRECT_CHAT_STREAM = Call("/chat/completions", _chat(STREAM_PROMPT, True), first_marker=CHAT_FIRST,
                           end_marker=CHAT_END)

CHAT = Case("chat", "/v1/chat/completions", _DIRECT_CHAT, Call("/v1/chat/completions", _chat(PROMPT)))
MESSAGES_NATIVE = Case(
    "messages_native", f"/v1/messages, native ({CLAUDE_MODEL})",
    Call("/v1/messages", _messages(CLAUDE_MODEL, PROMPT), ANTHROPIC_HEADERS),
    Call("/v1/messages", _messages(CLAUDE_MODEL, PROMPT), ANTHROPIC_HEADERS))
MESSAGES_TRANSLATED = Case(
    "messages_translated", f"/v1/messages, translated ({CHAT_MODEL} via chat)", _DIRECT_CHAT,
    Call("/v1/messages", _messages(CHAT_MODEL, PROMPT), ANTHROPIC_HEADERS))

CHAT_STREAM = Case("chat_stream", "/v1/chat/completions stream", _DIRECT_CHAT_STREAM,
                   Call("/v1/chat/completions", _chat(STREAM_PROMPT, True), first_marker=CHAT_FIRST,
                        end_marker=CHAT_END))
MESSAGES_NATIVE_STREAM = Case(
    "messages_native_stream", f"/v1/messages stream, native ({CLAUDE_MODEL})",
    Call("/v1/messages", _messages(CLAUDE_MODEL, STREAM_PROMPT, True), ANTHROPIC_HEADERS,
         MESSAGES_FIRST, MESSAGES_END),
    Call("/v1/messages", _messages(CLAUDE_MODEL, STREAM_PROMPT, True), ANTHROPIC_HEADERS,
         MESSAGES_FIRST, MESSAGES_END))
MESSAGES_TRANSLATED_STREAM = Case(
    "messages_translated_stream", f"/v1/messages stream, translated ({CHAT_MODEL} via chat)", _DIRECT_CHAT_STREAM,
    Call("/v1/messages", _messages(CHAT_MODEL, STREAM_PROMPT, True), ANTHROPIC_HEADERS,
         MESSAGES_FIRST, MESSAGES_END))
RESPONSES_TRANSLATED_STREAM = Case(
    "responses_translated_stream", f"/v1/responses stream, translated ({CHAT_MODEL} via chat)", _DIRECT_CHAT_STREAM,
    Call("/v1/responses", {"model": CHAT_MODEL, "stream": True, "input": STREAM_PROMPT},
         first_marker=RESPONSES_FIRST, end_marker=RESPONSES_END))

# Non-streaming /v1/messages is measured at concurrency 1 only: it is there for the added-latency budget.
LATENCY_ONLY_CASES = (MESSAGES_NATIVE, MESSAGES_TRANSLATED)
STREAM_CASES = (CHAT_STREAM, MESSAGES_NATIVE_STREAM, MESSAGES_TRANSLATED_STREAM, RESPONSES_TRANSLATED_STREAM)

LARGE_BODY_BYTES = 100_000


def large_chat_body():
    """A chat request of about 100 KB, the size of a long coding-agent turn."""
    skeleton = len(Call("", _chat("")).body_bytes())
    return Call("", _chat("x" * (LARGE_BODY_BYTES - skeleton))).body_bytes()

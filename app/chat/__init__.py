"""Platform chat in the Q&A queue: chat sources (SSN relay, Bilibili live room, Twitch
channel, generic webhook) per event, their messages stored once each, the questions among them
in the same moderation queue as the room's.

- sources: the `chat_sources` table (create, list, delete = revoke the ingest key).
- messages: parsing SSN and webhook payloads, `ingest` (dedupe, filter, word filter, blocks per
  platform author, rate limit), the live feed and `promote` from it.
- service: `ChatService` (session.chat): start/stop, the connecting clients, health.
- bilibili, twitch: the clients; backoff: reconnect delays with an injectable sleep.
"""

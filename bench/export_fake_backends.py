#!/usr/bin/env python3
"""Both backends for the export benchmark (bench/export.sh): events-service's GET /events pages through N
synthetic events with a cursor (500 a page, like the real one), GET /places and GET /actors?ids answer the
batched look-ups, GET /event-types the catalogue. Answers are generated per request, so the fake holds no data
set in memory and any N costs the same to start. Usage: export_fake_backends.py PORT EVENTS"""
import json
import sys
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

PORT, TOTAL = int(sys.argv[1]), int(sys.argv[2])
ACTORS = [str(uuid.UUID(int=0xA000 + i)) for i in range(200)]
PLACES = [str(uuid.UUID(int=0xF000 + i)) for i in range(50)]
CODES = ["010", "036", "042", "057", "106", "111", "190"]


def event(n):
    return {"id": str(uuid.UUID(int=n + 1)), "title": f"Synthetic event {n} between two actors",
            "summary": "A synthetic summary of about a hundred characters, the size of a GDELT-derived one, for export.",
            "code": CODES[n % 7], "goldstein": -2.0, "quadClass": 1 + n % 4, "rootCode": CODES[n % 7][:2],
            "status": "OCCURRED", "start": f"20{10 + n % 15}-0{1 + n % 9}-1{n % 10}", "end": None, "precision": "DAY",
            "locationId": PLACES[n % 50] if n % 5 else None, "subjectIds": [],
            "participants": [{"actorId": ACTORS[n % 200], "role": "SOURCE"},
                             {"actorId": ACTORS[(n * 7 + 3) % 200], "role": "TARGET"}],
            "sources": [{"id": None, "url": f"https://news.example.org/{n}", "publisher": "Example", "title": None,
                         "publishedAt": None, "excerpt": None, "speakerId": None}],
            "related": [], "externalIds": [f"gdelt:{900000000 + n}"], "version": 0,
            "createdAt": "2025-01-01T00:00:00Z", "updatedAt": "2025-01-01T00:00:00Z"}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, body):
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urlparse(self.path)
        q = parse_qs(url.query)
        if url.path == "/events":
            start = int(q.get("after", ["0"])[0])
            limit = int(q.get("limit", ["20"])[0])
            end = min(TOTAL, start + limit)
            self.answer({"items": [event(n) for n in range(start, end)],
                         "nextCursor": str(end) if end < TOTAL else None, "totalCount": None})
        elif url.path == "/places":
            ids = q.get("ids", [""])[0].split(",")
            self.answer([{"id": i, "name": f"Place {i[-4:]}", "kind": "CITY", "countryCode": "UKR", "parentId": None,
                          "latitude": 48.0 + int(i[-2:], 16) / 100, "longitude": 31.0 + int(i[-2:], 16) / 100,
                          "status": None, "statusSince": None, "version": 0} for i in ids if i])
        elif url.path == "/actors":
            ids = q.get("ids", [""])[0].split(",")
            self.answer({"items": [{"id": i, "kind": "STATE", "name": f"Actor {i[-4:]}", "aliases": [],
                                    "country": "UKR", "cameoCode": None, "wikidataId": None, "description": None,
                                    "version": 0} for i in ids if i], "nextCursor": None})
        elif url.path == "/event-types":
            self.answer([{"code": c, "name": f"Type {c}", "rootCode": c[:2], "quadClass": 1, "goldstein": 0.0}
                         for c in CODES])
        elif url.path.startswith("/q/health"):
            self.answer({"status": "UP"})
        else:
            self.send_response(404)
            self.send_header("Content-Length", "0")
            self.end_headers()


ThreadingHTTPServer(("127.0.0.1", PORT), Handler).serve_forever()

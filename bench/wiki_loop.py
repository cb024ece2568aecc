"""The TM wiki's way of reading every page of a paged TM endpoint: one urllib request at a time.

Usage: python3 bench/wiki_loop.py URL [MAX_PAGES]
URL is the first page's URL (for example http://127.0.0.1:8787/api/v2/projects/?omitMapResults=true
or http://127.0.0.1:8787/api/v2/projects/123/activities/); rows are read from `results` (search)
or `activity` (activity log). MAX_PAGES, when given, stops after that many pages.
Prints one JSON line: {"pages": P, "rows": N, "seconds": S}. Used by the benchmarks as the
baseline that tmframes is measured against; it deliberately has no concurrency and no retries.
"""

import json
import sys
import time
import urllib.parse
import urllib.request


def page_url(url, page):
    parts = urllib.parse.urlsplit(url)
    query = dict(urllib.parse.parse_qsl(parts.query))
    query["page"] = str(page)
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def main():
    url = sys.argv[1]
    max_pages = int(sys.argv[2]) if len(sys.argv) > 2 else None
    started = time.perf_counter()
    rows = []
    page = 1
    pages = 0
    while True:
        with urllib.request.urlopen(page_url(url, page)) as response:
            body = json.loads(response.read())
        pages += 1
        rows.extend(body.get("results", body.get("activity", [])))
        pagination = body.get("pagination")
        if not pagination or not pagination["hasNext"] or pages == max_pages:
            break
        page = pagination["nextNum"]
    seconds = time.perf_counter() - started
    print(json.dumps({"pages": pages, "rows": len(rows), "seconds": round(seconds, 4)}))


if __name__ == "__main__":
    main()

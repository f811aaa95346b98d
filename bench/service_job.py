#!/usr/bin/env python3
"""One job of a session in the running service, timed from POST .../process to the job seen complete.

    service_job.py API SESSION_ID PIPELINE MASTER.fits    -> prints the seconds; MASTER.fits is its FITS output

One process polls every 50 ms over one HTTP connection: a curl and a python started per poll would take a
good part of a 2-core machine from the job being timed.
"""
import http.client
import json
import sys
import time
import urllib.parse


def main():
    api, session, pipeline, master = sys.argv[1:5]
    url = urllib.parse.urlsplit(api)
    connection = http.client.HTTPConnection(url.hostname, url.port)

    def request(method, path, body=None):
        headers = {"Content-Type": "application/json"} if body is not None else {}
        connection.request(method, url.path + path, body=json.dumps(body) if body is not None else None,
                           headers=headers)
        response = connection.getresponse()
        data = response.read()
        if response.status >= 400:
            sys.exit(f"{method} {path}: {response.status} {data[:300]!r}")
        return data

    start = time.monotonic()
    job = json.loads(request("POST", f"/sessions/{session}/process", {"pipeline_name": pipeline}))["id"]
    while True:
        state = json.loads(request("GET", f"/jobs/{job}"))
        if state["status"] in ("complete", "failed", "cancelled"):
            break
        time.sleep(0.05)
    seconds = time.monotonic() - start
    if state["status"] != "complete":
        sys.exit(f"job {job} {state['status']}: {state.get('error_message')}")
    fits = next(name for name in state["output_files"] if name.endswith(".fits"))
    with open(master, "wb") as out:
        out.write(request("GET", f"/jobs/{job}/download?file={urllib.parse.quote(fits)}"))
    print(f"{seconds:.2f}")


if __name__ == "__main__":
    main()

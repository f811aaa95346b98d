#!/usr/bin/python3
"""Per-file latency of the FitsFlow REST API: create a session, upload one frame, finalise, start the
pipeline, follow the job to its end, download the JPEG. Standard library only.

    rest_latency.py BASE_URL FRAME [--pipeline quick_dso] [--warmup 2] [--runs 5] [--multipart]

The frame is sent as the request body (application/octet-stream), or as a multipart form with --multipart;
the request is prepared once, before the runs, so that the upload's time is the request's alone.

Prints one line per run on stderr (with the time of each call; "job" is queued to complete, followed
through the job's event stream) and two medians on stdout: seconds from the start of the upload to the
JPEG being available (the job's last event says it is complete), and seconds from session creation to
the JPEG downloaded. Each run's session is deleted afterwards (not timed). With --runs 0 it only runs the
warm-up and prints nothing.
"""
import argparse
import json
import statistics
import sys
import time
import urllib.error
import urllib.request
import uuid


def call(method, url, body=None, content_type="application/json"):
    request = urllib.request.Request(url, data=body, method=method)
    if body is not None:
        request.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as e:
        raise SystemExit(f"{method} {url} -> {e.code}: {e.read()[:500]!r}")


def call_json(method, url, payload=None):
    body = None if payload is None else json.dumps(payload).encode()
    status, data = call(method, url, body)
    return json.loads(data) if data else {}


class Upload:
    """One prepared upload request: the frame read and, for a form, wrapped once, before any clock starts.
    Building the 12 MB form anew in each run took the client up to 115 ms of fresh memory on a 2-core
    machine, more than the service spent on the upload; curl -F streams the file instead."""

    def __init__(self, kind, path):
        with open(path, "rb") as f:
            content = f.read()
        self.kind = kind
        if kind == "multipart":
            boundary = uuid.uuid4().hex
            self.query = ""
            self.content_type = f"multipart/form-data; boundary={boundary}"
            self.body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"frame.fit\"\r\n"
                         f"Content-Type: application/octet-stream\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
        else:
            self.query = "?filename=frame.fit"
            self.content_type = "application/octet-stream"
            self.body = content

    def send(self, url):
        call("POST", url + self.query, self.body, self.content_type)


def final_status(events_url):
    """Follows the job's server-sent events until the last one, which carries the whole job."""
    with urllib.request.urlopen(events_url, timeout=120) as stream:
        event = None
        for raw in stream:
            line = raw.decode().rstrip("\r\n")
            if line.startswith("event:"):
                event = line[len("event:"):].strip()
            elif line.startswith("data:") and event == "status":
                return json.loads(line[len("data:"):])
    raise SystemExit(f"{events_url}: the stream ended without the job's status")


def first_job(response):
    if "jobs" in response:
        return response["jobs"][0]
    return response


def one_run(base, pipeline, name, upload):
    api = base.rstrip("/") + "/api/process"
    start = time.perf_counter()
    session = call_json("POST", f"{api}/sessions", {"session_name": name})
    created = time.perf_counter()
    upload.send(f"{api}/sessions/{session['id']}/upload")
    uploaded = time.perf_counter()
    call_json("POST", f"{api}/sessions/{session['id']}/finalize")
    job = first_job(call_json("POST", f"{api}/sessions/{session['id']}/process", {"pipeline_name": pipeline}))
    queued = time.perf_counter()
    state = final_status(f"{api}/jobs/{job['id']}/events")
    if state["status"] != "complete":
        raise SystemExit(f"job {job['id']} ended {state['status']}: {state.get('error_message')}")
    done = time.perf_counter()
    _, jpeg = call("GET", f"{api}/jobs/{job['id']}/download")
    elapsed = time.perf_counter() - start
    phases = {"session": created - start, "upload": uploaded - created, "finalise+process": queued - uploaded,
              "job": done - queued, "download": start + elapsed - done}
    if jpeg[:2] != b"\xff\xd8":
        raise SystemExit(f"job {job['id']}: the download is not a JPEG")
    # not timed: a tidy client removes what it made, and a bench run does not fill the disk (1,500 warm-up
    # runs kept 3 to 7 GB of uploads and outputs)
    call_json("DELETE", f"{api}/sessions/{session['id']}")
    return done - created, elapsed, state.get("gpu_used"), phases


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("frame")
    parser.add_argument("--pipeline", default="quick_dso")
    parser.add_argument("--warmup", type=int, default=2)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--multipart", action="store_true", help="upload as a multipart form, as browsers do")
    args = parser.parse_args()
    upload = Upload("multipart" if args.multipart else "body", args.frame)
    for i in range(args.warmup):
        one_run(args.base, args.pipeline, f"bench-warmup-{i}", upload)
    available, whole = [], []
    for i in range(args.runs):
        until_available, elapsed, gpu_used, phases = one_run(args.base, args.pipeline, f"bench-{i}", upload)
        parts = ", ".join(f"{k} {v * 1000:.0f} ms" for k, v in phases.items())
        print(f"rest run {i} (upload as {upload.kind}): {until_available:.3f} s upload to JPEG available, {elapsed:.3f} s in all"
              f" (gpu_used={gpu_used}): {parts}", file=sys.stderr)
        available.append(until_available)
        whole.append(elapsed)
    if args.runs > 0:
        print(f"{statistics.median(available):.3f} {statistics.median(whole):.3f}")


if __name__ == "__main__":
    main()

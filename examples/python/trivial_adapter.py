#!/usr/bin/env python3
"""The smallest protocol v1 implementation, for `scripts/bench-protocol.ts`: it offers only `activation`,
only for identity, and measures the protocol's own cost (process pipes, JSON both ways), not any numerics."""
import json
import sys

HELLO = {"protocol": 1, "name": "trivial identity adapter", "language": "python", "dtype": "float64",
         "methods": ["activation"], "activations": ["identity"]}

for line in sys.stdin:
    request = json.loads(line)
    method, params = request["method"], request["params"]
    if method == "hello":
        response = {"id": request["id"], "result": HELLO}
    elif method == "activation" and params["name"] == "identity":
        response = {"id": request["id"], "result": {"value": params["x"], "derivative": [1.0] * len(params["x"])}}
    elif method == "shutdown":
        print(json.dumps({"id": request["id"], "result": {}}), flush=True)
        break
    else:
        response = {"id": request["id"], "error": {"code": "unsupported", "message": f"{method} is not offered"}}
    print(json.dumps(response), flush=True)

"""The floor for bench/load.py: a bare Flask app with one constant JSON endpoint.

Served by the same gunicorn settings as the API, it measures what the machine, gunicorn, Flask
and the load generator cost by themselves; an API route's req/s divided by this one's is the
figure we track. `gunicorn --pythonpath bench floor_app:app`
"""
from flask import Flask

app = Flask(__name__)


@app.get("/floor")
def floor():
    """Answer constant JSON."""
    return {"status": "ok", "quotes": 0, "sources": 0}

"""The web face: FastAPI + Jinja2 pages over the same core as the command line (no medical logic here)."""

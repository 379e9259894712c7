"""/docs: the API's OpenAPI document rendered as a plain HTML page on the server (no CDN, no script)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from .pages import render

router = APIRouter(include_in_schema=False)
METHODS = ("get", "post", "put", "patch", "delete")


def type_of(schema: dict) -> str:
    """A parameter's type in words: "string", "integer (1 to 500)", "one of json, csv", "string or null"."""
    if "anyOf" in schema:
        parts = [type_of(s) for s in schema["anyOf"] if s.get("type") != "null"]
        return " or ".join(parts) or "null"
    if "enum" in schema:
        return "one of " + ", ".join(str(x) for x in schema["enum"])
    kind = schema.get("type", "any")
    lo, hi = schema.get("minimum"), schema.get("maximum")
    if lo is not None or hi is not None:
        kind += f" ({lo if lo is not None else '…'} to {hi if hi is not None else '…'})"
    if schema.get("maxLength"):
        kind += f", at most {schema['maxLength']} characters"
    return kind


def operations(spec: dict) -> list[dict]:
    """One entry per path and method, with its parameters and responses, in the document's order."""
    out = []
    for path, item in spec.get("paths", {}).items():
        for method in METHODS:
            op = item.get(method)
            if not op:
                continue
            params = [
                {
                    "name": p.get("name"),
                    "in": p.get("in"),
                    "required": bool(p.get("required")),
                    "type": type_of(p.get("schema") or {}),
                    "default": (p.get("schema") or {}).get("default"),
                    "help": p.get("description") or "",
                }
                for p in op.get("parameters", [])
            ]
            responses = [(code, r.get("description", "")) for code, r in (op.get("responses") or {}).items()]
            out.append(
                {
                    "id": f"{method}-{path}".replace("/", "-").replace("{", "").replace("}", "").strip("-"),
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary") or "",
                    "description": op.get("description") or "",
                    "params": params,
                    "responses": responses,
                    "body": "requestBody" in op,
                }
            )
    return out


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    spec = request.app.openapi()
    return render(request, "docs.html", spec=spec, ops=operations(spec), title="API documentation")

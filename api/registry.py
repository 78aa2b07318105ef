"""Paths outside django-ninja that belong in the API's one OpenAPI description.

``/api/search/`` and ``/api/search/suggest/`` are plain Django views (search/views.py) and keep
their paths and JSON; the open-data exports under ``/api/v1/exports/`` are plain streaming views
of their own app; ``/api/v2/`` is Wagtail's legacy API. Each is described here as an OpenAPI path
item, and ``api.main.PortalAPI`` adds them to the schema ninja builds. Another app adds or
replaces one with ``register(path, item)`` (a path item: ``{"get": {…operation…}}``).
"""

EXTERNAL_PATHS: dict[str, dict] = {}


def register(path: str, item: dict) -> None:
    EXTERNAL_PATHS[path] = item


def path_items() -> dict[str, dict]:
    return dict(EXTERNAL_PATHS)


def operation(
    operation_id: str,
    summary: str,
    *,
    tag: str,
    description: str = "",
    content_type: str = "application/json",
    schema: dict | None = None,
    parameters: list[dict] | None = None,
    errors: tuple[int, ...] = (400,),
    deprecated: bool = False,
) -> dict:
    """A GET path item with one success answer (``schema`` or any), and the JSON errors named."""
    answer = {"description": "OK", "content": {content_type: {"schema": schema or {}}}}
    responses = {"200": answer}
    for status in errors:
        responses[str(status)] = {
            "description": "Lỗi",
            "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}},
        }
    get = {
        "operationId": operation_id,
        "summary": summary,
        "description": description,
        "tags": [tag],
        "parameters": parameters or [],
        "responses": responses,
    }
    if deprecated:
        get["deprecated"] = True
    return {"get": get}


def query(name: str, description: str, schema: dict | None = None, *, repeatable: bool = False) -> dict:
    parameter = {"in": "query", "name": name, "description": description, "required": False}
    parameter["schema"] = (
        {"type": "array", "items": schema or {"type": "string"}} if repeatable else (schema or {"type": "string"})
    )
    if repeatable:
        parameter["explode"] = True
    return parameter

"""The CKAN Action API: `/api/3/action/<name>` and `/api/action/<name>`, GET (query string) or POST (JSON)."""
import json

from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from opendata import actions
from opendata.services import published_refresh


@csrf_exempt  # read-only and anonymous: CKAN clients (ckanapi) POST JSON without a CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def action(request, name: str):
    help_url = request.build_absolute_uri(f"/api/3/action/help_show?name={name}")
    try:
        data = _data(request)
        published_refresh()
        if name == "status_show":
            result = actions.status_show(data, site_url=request.build_absolute_uri("/").rstrip("/"))
        elif name in actions.ACTIONS:
            result = actions.ACTIONS[name](data)
        else:
            raise actions.ActionError(f"Bad request - Action name not known: {name}")
    except actions.ActionError as exc:
        return _json({"help": help_url, "success": False, "error": exc.as_dict()}, status=exc.status)
    return _json({"help": help_url, "success": True, "result": result})


def _data(request) -> dict:
    if request.method == "POST" and request.body:
        try:
            data = json.loads(request.body)
        except ValueError:
            raise actions.ActionError("Bad request - JSON Error: could not read the request body") from None
        if not isinstance(data, dict):
            raise actions.ActionError("Bad request - JSON Error: Request data JSON decoded to a non-dictionary")
        return data
    return {key: request.GET.getlist(key)[-1].replace("\x00", "") for key in request.GET}


def _json(body: dict, status: int = 200) -> JsonResponse:
    response = JsonResponse(body, status=status, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response

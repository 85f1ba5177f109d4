from django.http import HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from accounts.permissions import national_required
from national import export, selectors
from progress.selectors import METRIC_LABELS, METRICS


@national_required
@require_safe
def board(request):
    rows = selectors.national_board()
    totals = selectors.board_totals(rows)
    return render(request, "national/board.html", {
        "board": rows, "columns": [(METRIC_LABELS[metric], totals[metric]) for metric in METRICS]})


@national_required
@require_safe
def board_xlsx(request):
    response = HttpResponse(export.board_workbook(selectors.national_board()),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="national-board.xlsx"'
    return response

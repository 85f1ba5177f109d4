from django.urls import path

from national import views

app_name = "national"
urlpatterns = [
    path("", views.board, name="board"),
    path("board.xlsx", views.board_xlsx, name="board-xlsx"),
]

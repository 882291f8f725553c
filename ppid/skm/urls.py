from django.urls import path

from . import public

app_name = "skm"
urlpatterns = [
    path("", public.survey_form, name="form"),
    path("terima-kasih/", public.thanks, name="thanks"),
    path("hasil/", public.results, name="results"),
    path("hasil/<int:pk>/", public.period_result, name="result"),
]

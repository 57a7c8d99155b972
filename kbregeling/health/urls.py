from django.urls import path
from health_check.views import HealthCheckView

urlpatterns = [
    path(
        "health/",
        HealthCheckView.as_view(
            checks=[
                "health_check.checks.Database",
                "kbregeling.health.checks.Broker",
                "kbregeling.health.checks.Scheduler",
                "kbregeling.health.checks.Outbox",
            ]
        ),
        name="health",
    ),
]

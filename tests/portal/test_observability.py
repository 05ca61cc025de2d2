"""Request ids, JSON logs and the metrics endpoint."""

import json
import logging

import pytest

from portal.observability import JsonFormatter, RequestIdFilter, request_id


def test_every_response_carries_a_request_id(client):
    first = client.get("/healthz")
    second = client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]


def test_the_proxys_request_id_is_kept_when_it_is_well_formed(client):
    assert client.get("/healthz", HTTP_X_REQUEST_ID="abc123def456")["X-Request-ID"] == (
        "abc123def456"
    )
    forged = client.get("/healthz", HTTP_X_REQUEST_ID="x\nFAKE LOG LINE")["X-Request-ID"]
    assert "\n" not in forged and forged != "x\nFAKE LOG LINE"


def test_json_log_lines_carry_the_request_id():
    record = logging.LogRecord("portal", logging.INFO, __file__, 1, "Seite %s", ("ok",), None)
    token = request_id.set("req-12345678")
    try:
        RequestIdFilter().filter(record)
    finally:
        request_id.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "Seite ok"
    assert line["request_id"] == "req-12345678"
    assert line["level"] == "INFO"


@pytest.mark.django_db
def test_metrics_are_hidden_without_the_token(client, settings):
    settings.METRICS_TOKEN = "geheimes-scrape-token"
    assert client.get("/metrics").status_code == 404
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer falsch").status_code == 404
    response = client.get("/metrics", HTTP_AUTHORIZATION="Bearer geheimes-scrape-token")
    assert response.status_code == 200
    assert b"django_http_requests_total" in response.content


@pytest.mark.django_db
def test_metrics_are_off_when_no_token_is_configured(client, settings):
    settings.METRICS_TOKEN = ""
    assert client.get("/metrics", HTTP_AUTHORIZATION="Bearer ").status_code == 404

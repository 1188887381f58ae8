"""Each request that changes data is one transaction, rolled back whole when its view fails;
pages that only read run outside any transaction (on SQLite one would hold the write lock)."""
import pytest
from django.db import connection, transaction
from django.http import HttpResponse
from django.urls import path

from reports.models import Branch

from .conftest import make_branch

pytestmark = [pytest.mark.urls(__name__), pytest.mark.django_db(transaction=True)]


def transaction_state(request):
    return HttpResponse("atomic" if connection.in_atomic_block else "autocommit")


@transaction.non_atomic_requests
def transaction_state_unwrapped(request):
    return transaction_state(request)


def create_then_fail(request):
    make_branch("halfway")
    raise RuntimeError("fails after its first write")


urlpatterns = [
    path("state/", transaction_state),
    path("state/non-atomic/", transaction_state_unwrapped),
    path("create-then-fail/", create_then_fail),
]


@pytest.mark.parametrize("method", ["get", "options"])
def test_reading_runs_outside_a_transaction(client, method):
    assert getattr(client, method)("/state/").content == b"autocommit"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_each_changing_request_is_one_transaction(client, method):
    assert getattr(client, method)("/state/").content == b"atomic"


def test_a_view_marked_non_atomic_is_left_alone(client):
    assert client.post("/state/non-atomic/").content == b"autocommit"


def test_a_failing_post_keeps_nothing(client):
    with pytest.raises(RuntimeError):
        client.post("/create-then-fail/")
    assert not Branch.objects.filter(code="halfway").exists()

"""One database transaction per request that changes data; pages that only read run without one.

This stands in for Django's ATOMIC_REQUESTS, which wraps every view, reads included. On SQLite a
transaction begins IMMEDIATE (see DATABASES in settings): it takes the database's single write
lock at BEGIN. A page read inside one would hold that lock for as long as it renders, so one slow
PDF download would keep every login and every save waiting. The pages that answer GET and HEAD
only read (they are `require_safe`, or read-only branches of GET/POST views), and every service
that changes data opens its own transaction; so reads lose nothing, and on PostgreSQL, where
each statement of a READ COMMITTED transaction saw fresh data anyway, they read the same.
"""
from contextlib import ExitStack

from django.db import connections, transaction

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS", "TRACE"})


class AtomicWritesMiddleware:
    """Call the view of a POST, PUT, PATCH or DELETE inside `transaction.atomic()` on every
    database, as ATOMIC_REQUESTS would: an exception rolls everything back and propagates, and a
    view marked `transaction.non_atomic_requests` is left alone.

    It calls the view itself from `process_view`, so it must come after every other middleware
    that has a `process_view` (the CSRF check): put it last in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in SAFE_METHODS:
            return None
        exempt = getattr(view_func, "_non_atomic_requests", set())
        with ExitStack() as transactions:
            for alias in connections:
                if alias not in exempt:
                    transactions.enter_context(transaction.atomic(using=alias))
            return view_func(request, *view_args, **view_kwargs)

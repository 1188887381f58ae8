"""Inserting many rows fast: COPY on PostgreSQL, batched INSERTs elsewhere (load and rebuilds)."""
from __future__ import annotations

import io

from django.db import connection


def insert_rows(model, columns: list[str], rows) -> int:
    """Insert rows (tuples in column order) as fast as the database allows; return the count."""
    table = model._meta.db_table
    written = 0
    if connection.vendor == "postgresql":
        def encode(value):
            if value is None:
                return r"\N"
            if isinstance(value, bool):
                return "t" if value else "f"
            return str(value)

        with connection.cursor() as cursor:
            while True:
                chunk = [next(rows, None) for _ in range(50_000)]
                chunk = [row for row in chunk if row is not None]
                if not chunk:
                    break
                buffer = io.StringIO("".join("\t".join(encode(v) for v in row) + "\n" for row in chunk))
                cursor.copy_expert(f"COPY {table} ({', '.join(columns)}) FROM STDIN", buffer)
                written += len(chunk)
        return written
    placeholders = ", ".join(["%s"] * len(columns))
    with connection.cursor() as cursor:
        while True:
            chunk = [next(rows, None) for _ in range(20_000)]
            chunk = [row for row in chunk if row is not None]
            if not chunk:
                break
            cursor.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({placeholders})", chunk)
            written += len(chunk)
    return written

"""From a sheet row to field values, and from a model's ValidationError back to the row's cells."""
from __future__ import annotations

from collections.abc import Callable, Collection

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import models

from .cells import CellError, field_value
from .reader import Row
from .results import Problem
from .schema import SheetSpec


def parse_row(spec: SheetSpec, row: Row) -> tuple[dict[str, object], list[Problem]]:
    """The model value of each cell that could be read (by field name), and a problem per other cell."""
    values: dict[str, object] = {}
    problems: list[Problem] = []
    for column, raw in zip(spec.columns, row.values):
        try:
            values[column.field_name] = field_value(spec.field(column), raw)
        except CellError as error:
            problems.append(Problem(spec.name, row.number, column.header, error.message))
    return values, problems


def model_problems(
    spec: SheetSpec,
    row: Row,
    instance: models.Model,
    exclude: Collection[str],
    *,
    run_clean: bool = True,
) -> list[Problem]:
    """What full_clean() finds wrong with the instance, placed in the row's cells.

    `exclude` names fields not to check: ones the importer vouches for, and cells that could not be
    read (already a problem). run_clean=False leaves out the model's clean(), for checks the
    importer makes itself in a way the model cannot (a member who is saved only with this import).

    Database constraints are not validated here: each one is repeated by a field validator, the
    model's clean() or the importer, while validating it costs a query per row and constraint (half
    a minute for a 10,000-row sheet). The database still enforces them when the rows are saved.
    """
    try:
        if run_clean:
            instance.full_clean(exclude=exclude, validate_constraints=False)
        else:
            instance.clean_fields(exclude=exclude)
    except ValidationError as error:
        return _problems(spec, row, error)
    return []


def rule_problems(spec: SheetSpec, row: Row, check: Callable[[], None]) -> list[Problem]:
    """What one of the model's own checks (a method raising ValidationError) finds, in the row's cells."""
    try:
        check()
    except ValidationError as error:
        return _problems(spec, row, error)
    return []


def _problems(spec: SheetSpec, row: Row, error: ValidationError) -> list[Problem]:
    problems = []
    for field_name, messages in error.message_dict.items():
        column = "" if field_name == NON_FIELD_ERRORS else spec.header_of(field_name)
        for message in dict.fromkeys(messages):  # a check repeated by a validator and a constraint
            problems.append(Problem(spec.name, row.number, column, message))
    return problems

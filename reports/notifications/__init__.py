"""Telling people what waits for them: inbox entries written with the change that caused them,
e-mail sent once that change is committed.

`delivery` writes the entries and mails them, `people` finds who holds which role on a branch,
`transitions` says who hears of each step of a report's review, `inbox` reads and marks a
user's own entries. It imports only the models, so documents and federation may both use it.
"""

"""Work plans and summaries: their content, how they are drafted from records, and how they are edited.

- content.py: the document as plain data (the one snapshot every page and exporter reads);
- facts.py: the figures of a union's period, from grouped queries;
- wording.py: figures into Chinese sentences, through template files in templates/drafting/;
- summary.py, plan.py: the drafters;
- refresh.py: the rule for bringing new figures into an edited document;
- editing.py: applying the editor's form and actions to a document;
- services.py: the only place reports are created and saved;
- errors.py: the services' refusals, each with a Chinese message and a code;
- review.py: the review state machine (submit, return, approve's freeze, reopen);
- approval.py: approving in order: render the files, freeze them, count the figures above;
- snapshot.py, files.py: a revision as the exporters' snapshot, and its Word or PDF file.
"""

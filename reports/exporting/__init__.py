"""Word and PDF export of plans and summaries, laid out as Chinese official documents (GB/T 9704).

snapshot.py reads a report once into plain data; docx.py and pdf.py turn that snapshot into bytes
without touching the database, so a frozen snapshot renders the same way forever.
"""
from .snapshot import DocumentSnapshot, snapshot_of

__all__ = ["DocumentSnapshot", "snapshot_of"]

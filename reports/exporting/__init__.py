"""Word and PDF export of plans and summaries, laid out as Chinese official documents (GB/T 9704).

snapshot.py defines the plain data they render (reports/documents/snapshot.py fills it from a
revision); docx.py and pdf.py turn that snapshot into bytes without touching the database or the
document model, so a frozen snapshot renders the same way forever.
"""
from .snapshot import Block, DocumentSnapshot

__all__ = ["Block", "DocumentSnapshot"]

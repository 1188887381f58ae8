"""What an upper federation sees of its area: the reporting board and the totals of its subtree."""

"""Feedback models arrive with the intake issue; the app exists so the layout is settled."""

"""History: every completed assessment kept in SQLite, and what changed between two of them.

``db`` opens the database and migrates its schema, ``entries`` reads and writes assessments and
plan marks, ``diff`` compares two stored reports (pure, no I/O), ``people`` names the person an
assessment is about.
"""

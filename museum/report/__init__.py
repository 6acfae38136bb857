"""The annual report (事业单位法人年度报告): `parser` reads one into figures with their sentences; `importer`
commits a reviewed one as a batch.
"""

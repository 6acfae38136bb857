"""The forms the museum files: the 年度报告 draft, the 科普统计 and 科协统计 sheets, and their calendar."""

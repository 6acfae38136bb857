"""人员与志愿者 Staff & volunteers: headcount, qualifications, volunteer reserve and teams."""

from museum import sections
from ui import blocks, context

selection = context.current()
scope = context.scope(selection)
context.page_header(selection, "page.people", scope)

for section in sections.build_all(scope, ["staff", "volunteers"]):
    blocks.render(section, scope, heading=True)

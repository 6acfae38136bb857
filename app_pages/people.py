"""人员与志愿者 Staff & volunteers: headcount, qualifications, volunteer reserve and teams."""

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.people")

for section in sections.build_all(scope, ["staff", "volunteers"]):
    blocks.render(section, scope, heading=True)

"""获奖与科研 Awards & research: level × grade matrix, unit honours, the project funnel."""

from museum import sections
from ui import blocks, context

selection = context.current()
scope = context.scope(selection)
context.page_header(selection, "page.awards_research", scope)

for section in sections.build_all(scope, ["awards", "research"]):
    blocks.render(section, scope, heading=True)

"""获奖与科研 Awards & research: level × grade matrix, unit honours, the project funnel."""

from museum import sections
from ui import blocks, context

selection, scope = context.view_page("page.awards_research")

for section in sections.build_all(scope, ["awards", "research"]):
    blocks.render(section, scope, heading=True)

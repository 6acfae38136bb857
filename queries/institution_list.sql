-- Every institution by name: what a chooser needs (the sidebar, --institution, the export). It
-- reads the institution table alone, so it costs the same at 23M observations as at a hundred;
-- the years each institution has data for are `institutions` (one pass over every data table).
-- columns: institution_id, name
select institution_id, name
from institution
order by name

-- A refresh of the comparison's view at national size runs in the background: no statement timeout for it.
set local statement_timeout = 0

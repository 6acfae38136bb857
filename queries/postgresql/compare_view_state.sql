-- When the comparison's view was refreshed (UTC), the data version it holds, and the data version now.
select refreshed_at at time zone 'UTC', data_version, (select last_value from data_version_seq)
from compare_view_state

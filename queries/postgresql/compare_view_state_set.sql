-- Record what the refresh just made the view hold.
update compare_view_state set refreshed_at = $at, data_version = $version

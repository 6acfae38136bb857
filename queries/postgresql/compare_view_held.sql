-- The data version the comparison's view holds.
select data_version from compare_view_state

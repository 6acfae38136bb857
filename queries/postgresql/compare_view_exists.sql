-- Whether migration 0020 made the comparison's view (its state row's table) in this database.
select to_regclass('compare_view_state') is not null

-- Bring the comparison's view up to date without blocking its readers (its unique index allows it),
-- with its owner's rights (migration 0020's security definer function: the app is never the owner).
select compare_values_refresh()

-- Draw `steps` values from a sequence so that it continues where the backed-up one stopped.
-- columns: max(nextval($sequence_name))
select max(nextval($sequence_name)) from range($steps)

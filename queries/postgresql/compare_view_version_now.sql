-- The data version now and the time, read just before the refresh's snapshot.
select last_value, clock_timestamp() from data_version_seq

-- Every user name that appears in the audit trail (for the filter menu).
-- columns: user_name
select distinct user_name from audit order by user_name

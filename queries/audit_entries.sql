-- Audit lines, newest first; every filter is optional (null = no filter).
-- columns: audit_id, occurred_at, user_name, action, detail, file_sha256
with

filtered as (
    select audit_id, occurred_at, user_name, action, detail, file_sha256
    from audit
    where ($user_name is null or user_name = $user_name)
      and ($action is null or action = $action)
      and ($since is null or occurred_at >= $since)
      and ($until is null or occurred_at < $until)
      and ($text is null or contains(lower(coalesce(detail, '')), lower($text)))
),

final as (select * from filtered)

select * from final
order by audit_id desc
limit coalesce($max_rows, 1000000)

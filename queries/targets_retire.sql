-- Retire one current target version (an edit replaces it, an import may remove it).
-- columns: target_id
update target
set retired_by_batch = $batch_id
where target_id = $target_id and institution_id = $institution_id and retired_by_batch is null
returning target_id

update batch set rolled_back_by = $rollback_batch where batch_id = $target

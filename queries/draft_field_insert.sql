-- An editor's text of one field of one year's draft.
insert into draft_field (institution_id, year, field, text, batch_id)
values ($institution_id, $year, $field, $value, $batch_id)

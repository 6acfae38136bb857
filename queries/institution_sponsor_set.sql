insert or replace into institution_sponsor (institution_id, sponsor_id) values ($institution_id, $sponsor_id)

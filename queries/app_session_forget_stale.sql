-- Sessions past their lifetime or revoked long ago say nothing any more.
delete from app_session where expires_at < $before

update app_session set revoked_at = $revoked_at where session_hash = $session_hash and revoked_at is null

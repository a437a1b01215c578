-- PostgreSQL roles for production (README "Despliegue / Deployment"): the ETL writes with
-- gsb_etl, the dashboard reads with gsb_app, which cannot change anything. Run once as a
-- superuser, after CREATE DATABASE gsb; set real passwords (or use your own authentication).
-- tests/test_postgres_roles.py runs this file as it is, with the names made unique.
CREATE ROLE gsb_etl LOGIN PASSWORD 'change-me-etl';
CREATE ROLE gsb_app LOGIN PASSWORD 'change-me-app';
GRANT CONNECT ON DATABASE gsb TO gsb_etl, gsb_app;
-- Connected to the gsb database:
GRANT USAGE, CREATE ON SCHEMA public TO gsb_etl;
GRANT USAGE ON SCHEMA public TO gsb_app;
-- The ETL creates and owns the tables; whatever it creates, the dashboard may read.
ALTER DEFAULT PRIVILEGES FOR ROLE gsb_etl IN SCHEMA public GRANT SELECT ON TABLES TO gsb_app;
-- Belt and braces: every transaction of the dashboard's role is read-only.
ALTER ROLE gsb_app SET default_transaction_read_only = on;

-- The refresh lock is no longer a row. A lease row outlived a holder killed with kill -9 and blocked every
-- refresh until it expired (6 hours). The lock now lives exactly as long as its holder: a PostgreSQL
-- session advisory lock, or an operating-system lock on the file beside a SQLite serving database
-- (singleview.db -> singleview.refresh.lock). See RefreshLock.
DROP TABLE IF EXISTS refresh_lock;

-- Rewrites the member directory's files without the dead row versions V13 left behind (VACUUM FULL runs outside a
-- transaction, see the .conf file next to this one). Backups and WAL archives taken before keep them: see
-- docs/audit-and-privacy.md.
VACUUM FULL member_directory;

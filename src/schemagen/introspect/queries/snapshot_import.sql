-- The second connection of a parallel read: the snapshot the first one exported, as a literal.
SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY;
SET TRANSACTION SNAPSHOT {snapshot}

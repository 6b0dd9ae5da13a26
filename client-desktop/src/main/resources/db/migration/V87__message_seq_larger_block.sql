-- V2 made the identity sequence behind messages.seq reserve 1024 values per durable flush instead of 32. Each flush is
-- still a commit of the database metadata in H2's system session, and that commit writes every page changed so far,
-- including the uncommitted rows and index entries of the batch being stored: an offline pickup of 10,000 texts did
-- about 10 of them besides its 20 batch commits (3.6% of the pickup thread's samples were H2's Sequence.flush, #12,
-- branch pick12b), a history import of 100,000 about 100. 65,536 values per block make that about one per 65,536
-- messages. seq only orders messages and never needs to be dense (a crash skips the rest of the block, as before).
ALTER TABLE messages ALTER COLUMN seq SET CACHE 65536;

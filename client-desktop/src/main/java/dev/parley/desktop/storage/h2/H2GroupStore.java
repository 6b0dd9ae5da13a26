package dev.parley.desktop.storage.h2;

import dev.parley.crypto.exceptions.InvalidMessageException;
import dev.parley.crypto.group.GroupCodec;
import dev.parley.crypto.group.GroupId;
import dev.parley.desktop.storage.GroupJoinRequest;
import dev.parley.desktop.storage.GroupStore;
import dev.parley.desktop.storage.StorageException;
import dev.parley.desktop.storage.StoredGroup;
import dev.parley.desktop.storage.Transaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Groups in H2 (migration V35; removed members V74): states encoded with {@link GroupCodec}. */
final class H2GroupStore implements GroupStore {
    private static final String COLUMNS = "state, previous, change_hash, active, removed";

    private final H2TransactionManager manager;

    H2GroupStore(H2TransactionManager manager) {
        this.manager = manager;
    }

    @Override
    public Optional<StoredGroup> find(Transaction txn, GroupId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM group_states WHERE group_id = ?")) {
            ps.setString(1, id.hex());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(read(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a group", e);
        }
    }

    @Override
    public List<StoredGroup> list(Transaction txn) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM group_states ORDER BY created_seq");
             ResultSet rs = ps.executeQuery()) {
            List<StoredGroup> groups = new ArrayList<>();
            while (rs.next()) {
                groups.add(read(rs));
            }
            return groups;
        } catch (SQLException e) {
            throw Sql.failure("listing groups", e);
        }
    }

    @Override
    public void put(Transaction txn, StoredGroup group) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO group_states (group_id, state, previous, change_hash, "
                + "active, removed) KEY (group_id) VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, group.state().id().hex());
            ps.setBytes(2, GroupCodec.encodeState(group.state()));
            ps.setBytes(3, group.previous() == null ? null : GroupCodec.encodeState(group.previous()));
            ps.setBytes(4, group.changeHash());
            ps.setBoolean(5, group.active());
            ps.setBoolean(6, group.removed());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("storing a group", e);
        }
    }

    @Override
    public boolean remove(Transaction txn, GroupId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try {
            for (String table : new String[] {"group_key_holders", "group_join_requests",
                    "group_removed_members"}) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE group_id = ?")) {
                    ps.setString(1, id.hex());
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM group_states WHERE group_id = ?")) {
                ps.setString(1, id.hex());
                return ps.executeUpdate() > 0;
            }
        } catch (SQLException e) {
            throw Sql.failure("removing a group", e);
        }
    }

    @Override
    public Set<String> keyHolders(Transaction txn, GroupId id, int keyId) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT member FROM group_key_holders WHERE group_id = ? AND key_id = ?")) {
            ps.setString(1, id.hex());
            ps.setInt(2, keyId);
            Set<String> members = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    members.add(rs.getString(1));
                }
            }
            return members;
        } catch (SQLException e) {
            throw Sql.failure("reading sender key holders", e);
        }
    }

    @Override
    public void addKeyHolders(Transaction txn, GroupId id, int keyId, Collection<String> members)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO group_key_holders (group_id, key_id, member) KEY (group_id, key_id, member) VALUES (?, ?, ?)")) {
            for (String member : members) {
                ps.setString(1, id.hex());
                ps.setInt(2, keyId);
                ps.setString(3, member);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("recording sender key holders", e);
        }
    }

    @Override
    public void clearKeyHolders(Transaction txn, GroupId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM group_key_holders WHERE group_id = ?")) {
            ps.setString(1, id.hex());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("clearing sender key holders", e);
        }
    }

    @Override
    public void forgetKeyHolder(Transaction txn, String member) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM group_key_holders WHERE member = ?")) {
            ps.setString(1, member);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("forgetting a sender key holder", e);
        }
    }

    @Override
    public boolean addJoinRequest(Transaction txn, GroupId id, GroupJoinRequest request) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO group_join_requests (group_id, username, "
                + "requested_at) SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM group_join_requests "
                + "WHERE group_id = ? AND username = ?)")) {
            ps.setString(1, id.hex());
            ps.setString(2, request.username());
            ps.setLong(3, request.requestedAt().toEpochMilli());
            ps.setString(4, id.hex());
            ps.setString(5, request.username());
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            throw Sql.failure("storing a join request", e);
        }
    }

    @Override
    public List<GroupJoinRequest> joinRequests(Transaction txn, GroupId id) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement("SELECT username, requested_at FROM group_join_requests "
                + "WHERE group_id = ? ORDER BY requested_at, username")) {
            ps.setString(1, id.hex());
            List<GroupJoinRequest> out = new java.util.ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GroupJoinRequest(rs.getString(1),
                            java.time.Instant.ofEpochMilli(rs.getLong(2))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.failure("reading join requests", e);
        }
    }

    @Override
    public int removeJoinRequests(Transaction txn, GroupId id, Collection<String> usernames) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM group_join_requests WHERE group_id = ? AND username = ?")) {
            int removed = 0;
            for (String username : usernames) {
                ps.setString(1, id.hex());
                ps.setString(2, username);
                removed += ps.executeUpdate();
            }
            return removed;
        } catch (SQLException e) {
            throw Sql.failure("removing join requests", e);
        }
    }

    @Override
    public Optional<java.time.Instant> stateRequestedAt(Transaction txn, GroupId id) throws StorageException {
        return time(txn, "SELECT requested_at FROM group_state_requests WHERE group_id = ?", id.hex());
    }

    @Override
    public void stateRequested(Transaction txn, GroupId id, java.time.Instant at) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO group_state_requests (group_id, requested_at) KEY (group_id) VALUES (?, ?)")) {
            ps.setString(1, id.hex());
            ps.setLong(2, at.toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording a state request", e);
        }
    }

    @Override
    public Optional<java.time.Instant> stateAnsweredAt(Transaction txn, GroupId id, String member)
            throws StorageException {
        return time(txn, "SELECT answered_at FROM group_state_answers WHERE group_id = ? AND member = ?", id.hex(),
                member);
    }

    @Override
    public void stateAnswered(Transaction txn, GroupId id, String member, java.time.Instant at)
            throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement("MERGE INTO group_state_answers (group_id, member, answered_at) "
                + "KEY (group_id, member) VALUES (?, ?, ?)")) {
            ps.setString(1, id.hex());
            ps.setString(2, member);
            ps.setLong(3, at.toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.failure("recording a state answer", e);
        }
    }

    @Override
    public void markRemoved(Transaction txn, GroupId id, Collection<String> members) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "MERGE INTO group_removed_members (group_id, member) KEY (group_id, member) VALUES (?, ?)")) {
            for (String member : members) {
                ps.setString(1, id.hex());
                ps.setString(2, member);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("recording removed members", e);
        }
    }

    @Override
    public void unmarkRemoved(Transaction txn, GroupId id, Collection<String> members) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, true);
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM group_removed_members WHERE group_id = ? AND member = ?")) {
            for (String member : members) {
                ps.setString(1, id.hex());
                ps.setString(2, member);
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw Sql.failure("forgetting removed members", e);
        }
    }

    @Override
    public boolean wasRemoved(Transaction txn, GroupId id, String member) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM group_removed_members WHERE group_id = ? AND member = ?")) {
            ps.setString(1, id.hex());
            ps.setString(2, member);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading removed members", e);
        }
    }

    private Optional<java.time.Instant> time(Transaction txn, String sql, String... keys) throws StorageException {
        Connection c = H2Transaction.connection(txn, manager, false);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < keys.length; i++) {
                ps.setString(i + 1, keys[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(java.time.Instant.ofEpochMilli(rs.getLong(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.failure("reading a resynchronisation time", e);
        }
    }

    private static StoredGroup read(ResultSet rs) throws SQLException, StorageException {
        try {
            byte[] previous = rs.getBytes(2);
            return new StoredGroup(GroupCodec.decodeState(rs.getBytes(1)),
                    previous == null ? null : GroupCodec.decodeState(previous), rs.getBytes(3), rs.getBoolean(4),
                    rs.getBoolean(5));
        } catch (InvalidMessageException | IllegalArgumentException e) {
            throw new StorageException("a stored group does not decode");
        }
    }
}

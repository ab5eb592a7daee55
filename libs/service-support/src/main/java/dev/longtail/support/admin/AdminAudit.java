package dev.longtail.support.admin;

import dev.longtail.support.SqlColumns;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The admin audit log ({@code admin_audit}): every runtime configuration change, dead-letter replay and discard, with
 * who made it (the JWT subject, else {@code anonymous}), when, and the value before and after.
 */
@ApplicationScoped
public class AdminAudit {

    /** The actor recorded when a request carries no authenticated subject. */
    public static final String ANONYMOUS = "anonymous";

    /** One audited change. */
    public record Entry(long id, Instant at, String actor, String action, String subject, String before,
            String after) {
    }

    private final EntityManager em;

    public AdminAudit(EntityManager em) {
        this.em = em;
    }

    /** Appends an entry in the caller's transaction, so it commits (or not) with the change it describes. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String subject, String before, String after) {
        em.createNativeQuery("INSERT INTO admin_audit (changed_at, actor, action, subject, value_before, value_after) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, Timestamp.from(Instant.now()))
                .setParameter(2, actor == null || actor.isBlank() ? ANONYMOUS : actor)
                .setParameter(3, action)
                .setParameter(4, subject)
                .setParameter(5, before)
                .setParameter(6, after)
                .executeUpdate();
    }

    /** The newest entries first whose action starts with {@code actionPrefix}. */
    @Transactional
    public List<Entry> list(String actionPrefix, int limit, int offset) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT id, changed_at, actor, action, subject, value_before, "
                + "value_after FROM admin_audit WHERE action LIKE ?1 ORDER BY id DESC LIMIT ?2 OFFSET ?3")
                .setParameter(1, actionPrefix.replace("%", "\\%") + "%")
                .setParameter(2, limit)
                .setParameter(3, offset)
                .getResultList();
        return rows.stream().map(r -> new Entry(((Number) r[0]).longValue(), SqlColumns.instant(r[1]), (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }
}

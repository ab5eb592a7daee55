package dev.longtail.curator.version;

import dev.longtail.contracts.DatasetRecord;
import dev.longtail.contracts.RecordSource;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** One record of a dataset version (an accepted synthetic sample or a real anchor), at its position. */
@Entity
@Table(name = "dataset_record")
@IdClass(VersionRecord.Key.class)
public class VersionRecord extends PanacheEntityBase {

    @Id
    @Column(name = "dataset_version_id")
    public UUID datasetVersionId;

    @Id
    public int position;

    @Column(name = "record_id", nullable = false)
    public String recordId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public RecordSource source;

    @Column(name = "seed_id")
    public String seedId;

    @Column(name = "parent_seed_id")
    public String parentSeedId;

    public String operator;
    public String category;
    public String instruction;
    public String input;
    public String output;

    /** Generation the record comes from (0 for real data); null for versions sealed before it was recorded. */
    public Integer generation;

    public static List<VersionRecord> ofVersion(UUID datasetVersionId) {
        return list("datasetVersionId = ?1 order by position", datasetVersionId);
    }

    /** The record as it travels on the wire and over the REST API. */
    public DatasetRecord toContract() {
        return new DatasetRecord(recordId, source, seedId, parentSeedId, operator, category, instruction, input, output);
    }

    /** Composite key: version and position. */
    public static class Key implements Serializable {
        public UUID datasetVersionId;
        public int position;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.position == position && Objects.equals(k.datasetVersionId, datasetVersionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(datasetVersionId, position);
        }
    }
}

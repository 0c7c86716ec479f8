package dev.sparks.matching.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of the matching policy; the current policy is the highest version. Rows are never changed. */
@Entity
@Table(name = "matching_policy")
public class PolicyVersion {

    /** The weights as stored: the policy without its version, which is the key. */
    public record Weights(int growthFitWeight, int goalCoverageWeight, int practicalFitWeight, int languageShare,
            int timeZoneShare, int fieldShare, int loadBalancing, int minimumScore) {

        public static Weights of(MatchingPolicy policy) {
            return new Weights(policy.growthFitWeight(), policy.goalCoverageWeight(), policy.practicalFitWeight(),
                    policy.languageShare(), policy.timeZoneShare(), policy.fieldShare(), policy.loadBalancing(),
                    policy.minimumScore());
        }

        public MatchingPolicy withVersion(long version) {
            return new MatchingPolicy(Math.toIntExact(version), growthFitWeight, goalCoverageWeight,
                    practicalFitWeight, languageShare, timeZoneShare, fieldShare, loadBalancing, minimumScore);
        }
    }

    @Id
    public long version;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public Weights weights;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "created_by")
    public String createdBy;

    public MatchingPolicy policy() {
        return weights.withVersion(version);
    }
}

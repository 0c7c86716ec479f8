package dev.sparks.cohort.bench;

import dev.sparks.matching.cohort.CohortInstance;
import dev.sparks.matching.cohort.RowWeights;
import java.util.SplittableRandom;

/**
 * A reproducible synthetic cohort with the structure of a real one, and a stand-in compatibility score.
 *
 * <p>Population (all draws from one seed):
 * <ul>
 *   <li>Languages: 6, skewed (first-language shares 70/10/7/6/4/3 %, the first being English). 45 % of
 *       participants and 65 % of mentors speak a second language, which is English 70 % (participants) and
 *       80 % (mentors) of the time.</li>
 *   <li>Fields: 12 in 4 families of 3, Zipf-skewed. A participant has one field; a mentor is expert in one
 *       field and, for 40 %, a second one.</li>
 *   <li>Growth areas: 16, Zipf-skewed. A participant wants 3; a mentor is strong in 4 (the strong areas are
 *       skewed too, so some areas are scarce).</li>
 *   <li>Seniority level: participants 1..5, mentors 3..8.</li>
 *   <li>Mentor quality: skewed (u^3), so there are few star mentors everyone ranks high.</li>
 *   <li>Capacities: 1..10, uniform.</li>
 * </ul>
 *
 * <p>Score (integer 0..100), the stand-in for the real explainable scoring:
 * <pre>
 *   field      30 if the participant's field is one of the mentor's, 12 if in the same family, else 0
 *   growth     0 / 13 / 27 / 40 for 0 / 1 / 2 / 3 of the participant's growth areas among the mentor's strengths
 *   seniority  15 if the mentor is 2..3 levels above, 8 if 1 or 4 above, else 0
 *   quality    0..10 from the mentor's quality
 *   language   5 if both have the same first language
 * </pre>
 * Hard rules (the pair is forbidden): no common language; or an exclusion drawn per pair with probability
 * 1 % (conflict of interest, same team), from a hash so a row can be recomputed identically.
 */
final class SyntheticCohort implements RowWeights {

    private static final double[] LANGUAGE_SHARE = {0.70, 0.10, 0.07, 0.06, 0.04, 0.03};
    private static final int FIELDS = 12;
    private static final int GROWTH_AREAS = 16;
    private static final int[] GROWTH_POINTS = {0, 13, 27, 40};
    /** Indexed by (mentor has the field) * 2 + (mentor has the field's family). */
    private static final int[] FIELD_POINTS = {0, 12, 30, 30};
    /** Indexed by mentor level - participant level + 7. */
    private static final int[] SENIORITY_POINTS = new int[16];
    private static final double EXCLUSION_RATE = 0.01;

    static {
        for (int gap = -7; gap <= 8; gap++) {
            SENIORITY_POINTS[gap + 7] = gap >= 2 && gap <= 3 ? 15 : gap == 1 || gap == 4 ? 8 : 0;
        }
    }

    final int participants;
    final int mentors;
    final int[] capacities;

    private final long seed;
    private final int exclusionCut;

    private final int[] pLanguages;
    private final int[] pFirstLanguage;
    private final int[] pField;
    private final int[] pGrowth;
    private final int[] pLevel;

    /**
     * Per mentor, packed so a row reads one long: bits 0-11 fields, 12-15 field families, 16-31 strong
     * growth areas, 32-37 languages, 38-40 first language.
     */
    private final long[] mPacked;
    /** Per participant level (1..5) and mentor: seniority points + quality points. */
    private final byte[][] mStaticPoints;
    private final int[] mQualityPoints;

    SyntheticCohort(long seed, int participants, int mentors) {
        this.seed = seed;
        this.participants = participants;
        this.mentors = mentors;
        this.exclusionCut = (int) (EXCLUSION_RATE * (1L << 31));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] fieldShare = zipf(FIELDS, 0.8);
        double[] growthShare = zipf(GROWTH_AREAS, 0.7);
        double[] strengthShare = zipf(GROWTH_AREAS, 1.0);

        pLanguages = new int[participants];
        pFirstLanguage = new int[participants];
        pField = new int[participants];
        pGrowth = new int[participants];
        pLevel = new int[participants];
        for (int i = 0; i < participants; i++) {
            int first = draw(rnd, LANGUAGE_SHARE);
            pFirstLanguage[i] = first;
            pLanguages[i] = 1 << first;
            if (rnd.nextDouble() < 0.45) {
                pLanguages[i] |= 1 << (rnd.nextDouble() < 0.7 ? 0 : draw(rnd, LANGUAGE_SHARE));
            }
            pField[i] = draw(rnd, fieldShare);
            pGrowth[i] = distinctMask(rnd, growthShare, 3);
            pLevel[i] = 1 + rnd.nextInt(5);
        }

        capacities = new int[mentors];
        mPacked = new long[mentors];
        mQualityPoints = new int[mentors];
        int[] mLevel = new int[mentors];
        for (int j = 0; j < mentors; j++) {
            capacities[j] = 1 + rnd.nextInt(10);
            int first = draw(rnd, LANGUAGE_SHARE);
            int languages = 1 << first;
            if (rnd.nextDouble() < 0.65) {
                languages |= 1 << (rnd.nextDouble() < 0.8 ? 0 : draw(rnd, LANGUAGE_SHARE));
            }
            int fields = 1 << draw(rnd, fieldShare);
            if (rnd.nextDouble() < 0.4) {
                fields |= 1 << draw(rnd, fieldShare);
            }
            int families = 0;
            for (int f = 0; f < FIELDS; f++) {
                if ((fields >> f & 1) != 0) {
                    families |= 1 << (f / 3);
                }
            }
            int strengths = distinctMask(rnd, strengthShare, 4);
            mLevel[j] = 3 + rnd.nextInt(6);
            double u = rnd.nextDouble();
            mQualityPoints[j] = (int) Math.round(10 * u * u * u);
            mPacked[j] = fields | (long) families << 12 | (long) strengths << 16 | (long) languages << 32
                    | (long) first << 38;
        }
        mStaticPoints = new byte[6][mentors];
        for (int level = 1; level <= 5; level++) {
            for (int j = 0; j < mentors; j++) {
                mStaticPoints[level][j] = (byte) (SENIORITY_POINTS[mLevel[j] - level + 7] + mQualityPoints[j]);
            }
        }
    }

    @Override
    public void fill(int i, short[] out) {
        long languages = (long) pLanguages[i] << 32;
        int first = pFirstLanguage[i];
        int field = pField[i];
        int family = 12 + field / 3;
        long growth = (long) pGrowth[i] << 16;
        byte[] staticPoints = mStaticPoints[pLevel[i]];
        int rowHash = mix(seed ^ (i * 0x9E3779B97F4A7C15L));
        for (int j = 0; j < mentors; j++) {
            long f = mPacked[j];
            int fieldKind = (int) (f >>> field & 1) << 1 | (int) (f >>> family & 1);
            int score = FIELD_POINTS[fieldKind] + GROWTH_POINTS[Long.bitCount(f & growth)] + staticPoints[j]
                    + ((int) (f >>> 38) == first ? 5 : 0);
            boolean allowed = (f & languages) != 0 && !excluded(rowHash, j);
            out[j] = (short) (allowed ? score : CohortInstance.FORBIDDEN);
        }
    }

    private boolean excluded(int rowHash, int j) {
        int h = (rowHash + j * 0x9E3779B9) * 0x85EBCA6B;
        h ^= h >>> 15;
        return (h & 0x7fffffff) < exclusionCut;
    }
    /** The whole matrix, for the dense form and for OR-Tools. */
    short[] matrix() {
        short[] all = new short[Math.multiplyExact(participants, mentors)];
        short[] row = new short[mentors];
        for (int i = 0; i < participants; i++) {
            fill(i, row);
            System.arraycopy(row, 0, all, i * mentors, mentors);
        }
        return all;
    }

    private static int mix(long z) {
        z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
        z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
        return (int) (z ^ (z >>> 33));
    }

    private static double[] zipf(int n, double exponent) {
        double[] share = new double[n];
        double sum = 0;
        for (int k = 0; k < n; k++) {
            share[k] = 1.0 / Math.pow(k + 1, exponent);
            sum += share[k];
        }
        for (int k = 0; k < n; k++) {
            share[k] /= sum;
        }
        return share;
    }

    private static int draw(SplittableRandom rnd, double[] share) {
        double x = rnd.nextDouble();
        for (int k = 0; k < share.length - 1; k++) {
            x -= share[k];
            if (x < 0) {
                return k;
            }
        }
        return share.length - 1;
    }

    private static int distinctMask(SplittableRandom rnd, double[] share, int count) {
        int mask = 0;
        while (Integer.bitCount(mask) < count) {
            mask |= 1 << draw(rnd, share);
        }
        return mask;
    }
}

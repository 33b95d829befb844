package org.medrec.matching;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * {@code scripts/bench matching [PATIENTS]}: possible-duplicate search over a synthetic register
 * with known second registrations (typos, nicknames, day and month swapped, changed surnames).
 * The reference, in the same process, compares every pair of a sample; the blocked search must
 * find the same pairs with far fewer comparisons. Prints ratios, not verdicts.
 */
public final class MatchingBench {

    private static final Nicknames NICKNAMES = Nicknames.load(java.nio.file.Path.of("jobs/matching/nicknames.yml"));

    private static final String[] SYLLABLES = {"an", "ber", "cal", "dor", "el", "fen", "gar", "hol", "is", "jor", "kel",
            "lan", "mor", "nel", "or", "pel", "quin", "ros", "sel", "tor", "ul", "ven", "wes", "yar", "zel"};
    private static final String[] GIVEN = {"Kenneth", "William", "Robert", "Katherine", "Elizabeth", "Margaret", "Samuel",
            "Jennifer", "Michael", "Patricia", "Daniel", "Rebecca", "Thomas", "Susan", "Anthony", "Victoria", "Joseph",
            "Dorothy", "Gregory", "Theresa", "Amara", "Bao", "Chiara", "Dmitri", "Esperanza", "Farid", "Greta", "Hiroshi"};
    private static final Map<String, String> NICK = Map.of("Kenneth", "Ken", "William", "Bill", "Robert", "Bob",
            "Katherine", "Kate", "Elizabeth", "Liz", "Margaret", "Peggy", "Samuel", "Sam", "Michael", "Mike");

    private record Person(int id, int personId, Demographics d) {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20000;
        Random random = new Random(42);
        List<Person> register = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            register.add(new Person(i, i, person(random)));
        }
        int duplicates = Math.max(10, n / 100);
        for (int k = 0; k < duplicates; k++) {
            Person original = register.get(random.nextInt(n));
            register.add(new Person(register.size(), original.personId(), variant(original.d(), k % 4, random)));
        }
        PatientComparator comparator = new PatientComparator(MatchWeights.standard(), 13.0, NICKNAMES);

        int sampleSize = Math.min(n, 1000);
        List<Person> sample = new ArrayList<>(register.subList(0, sampleSize));
        sample.addAll(register.subList(n, register.size()).stream().filter(p -> p.personId() < sampleSize).toList());
        long t0 = System.nanoTime();
        Set<Long> exhaustive = new HashSet<>();
        long refPairs = 0;
        for (int i = 0; i < sample.size(); i++) {
            for (int j = i + 1; j < sample.size(); j++) {
                refPairs++;
                if (comparator.compare(sample.get(i).d(), sample.get(j).d()).possibleDuplicate()) {
                    exhaustive.add(pair(sample.get(i), sample.get(j)));
                }
            }
        }
        double refSeconds = (System.nanoTime() - t0) / 1e9;
        Result sampled = blocked(sample, comparator);
        long missed = exhaustive.stream().filter(p -> !sampled.flagged().contains(p)).count();
        System.out.printf(Locale.ROOT, "reference (every pair of a sample of %d): %d comparisons in %.2f s, %d possible duplicates%n",
                sample.size(), refPairs, refSeconds, exhaustive.size());
        System.out.printf(Locale.ROOT, "blocked (same sample): %d comparisons in %.2f s, %d possible duplicates, %d of the reference's missed%n",
                sampled.comparisons(), sampled.seconds(), sampled.flagged().size(), missed);
        System.out.printf(Locale.ROOT, "ratio comparisons blocked/reference: %.4f; pairs found blocked/reference: %.2f%n",
                (double) sampled.comparisons() / refPairs, exhaustive.isEmpty() ? 1.0 : (double) (exhaustive.size() - missed) / exhaustive.size());

        Result full = blocked(register, comparator);
        long truePairs = full.flagged().stream().filter(p -> full.samePerson().contains(p)).count();
        long found = register.subList(n, register.size()).stream()
                .filter(v -> full.flagged().contains(pair(register.get(v.personId()), v))).count();
        System.out.printf(Locale.ROOT, "blocked (whole register of %d, %d second registrations): %d comparisons (%.1f per patient) in %.2f s;"
                        + " %d pairs asked about, %d of them different people; second registrations found: %d (recall %.2f)%n",
                register.size(), duplicates, full.comparisons(), (double) full.comparisons() / register.size(), full.seconds(),
                full.flagged().size(), full.flagged().size() - truePairs, found, (double) found / duplicates);
    }

    private record Result(long comparisons, double seconds, Set<Long> flagged, Set<Long> samePerson) {
    }

    private static Result blocked(List<Person> people, PatientComparator comparator) {
        long t0 = System.nanoTime();
        Map<String, List<Person>> blocks = new HashMap<>();
        Set<Long> compared = new HashSet<>();
        Set<Long> flagged = new HashSet<>();
        Set<Long> same = new HashSet<>();
        for (Person p : people) {
            Set<Person> candidates = new HashSet<>();
            for (String key : BlockingKeys.of(p.d())) {
                List<Person> block = blocks.computeIfAbsent(key, k -> new ArrayList<>());
                candidates.addAll(block);
                block.add(p);
            }
            for (Person q : candidates) {
                long pair = pair(p, q);
                if (compared.add(pair) && comparator.compare(p.d(), q.d()).possibleDuplicate()) {
                    flagged.add(pair);
                    if (p.personId() == q.personId()) {
                        same.add(pair);
                    }
                }
            }
        }
        return new Result(compared.size(), (System.nanoTime() - t0) / 1e9, flagged, same);
    }

    private static long pair(Person a, Person b) {
        return Math.min(a.id(), b.id()) * 10_000_000L + Math.max(a.id(), b.id());
    }

    private static Demographics person(Random r) {
        String family = capital(SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)]
                + (r.nextBoolean() ? SYLLABLES[r.nextInt(SYLLABLES.length)] : ""));
        LocalDate birth = LocalDate.of(1930, 1, 1).plusDays(r.nextInt(85 * 365));
        String phone = String.format("5035%06d", r.nextInt(1_000_000));
        String line = (1 + r.nextInt(9999)) + " " + capital(SYLLABLES[r.nextInt(SYLLABLES.length)]) + " St";
        return new Demographics(family, List.of(GIVEN[r.nextInt(GIVEN.length)]), birth, r.nextBoolean() ? "female" : "male",
                line, String.format("97%03d", r.nextInt(1000)), phone);
    }

    /** A second registration: 0 typos in both names, 1 a nickname, 2 day and month swapped, 3 a changed surname. */
    private static Demographics variant(Demographics d, int kind, Random r) {
        String family = d.family();
        String given = d.firstGiven();
        LocalDate birth = d.birthDate();
        switch (kind) {
            case 0 -> {
                family = typo(family, r);
                given = typo(given, r);
            }
            case 1 -> given = NICK.getOrDefault(given, typo(given, r));
            case 2 -> birth = birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()
                    ? LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue()) : birth;
            default -> family = capital(SYLLABLES[r.nextInt(SYLLABLES.length)] + SYLLABLES[r.nextInt(SYLLABLES.length)] + "son");
        }
        return new Demographics(family, List.of(given), birth, d.sex(), kind == 3 ? null : d.addressLine(),
                kind == 3 ? null : d.postalCode(), d.phone());
    }

    private static String typo(String s, Random r) {
        int i = 1 + r.nextInt(s.length() - 1);
        return r.nextBoolean() ? s.substring(0, i) + s.substring(i + 1 < s.length() ? i + 1 : i)
                : s.substring(0, i) + s.charAt(i - 1) + s.substring(i);
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

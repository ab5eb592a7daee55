package dev.longtail.evaluator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * A diverse reference of eight categories with twenty records each, every category with its own vocabulary, and a
 * collapsed dataset drawn from one category: what a generator that fell into one topic and one phrasing writes.
 * Records are built from per-category words in seeded random combinations, so that each is distinct and rare word
 * pairs (the tail) recur across records of a category the way they do in real text.
 */
final class EightCategories {

    /** Per category: topics, subjects, verbs, objects and closing details (ten each). */
    private record Vocabulary(String name, List<String> topics, List<String> subjects, List<String> verbs,
                              List<String> objects, List<String> details) {
    }

    private static final List<Vocabulary> CATEGORIES = List.of(
            new Vocabulary("cooking",
                    words("braising roasting fermentation pastry sauces knife-work stock baking grilling seasoning"),
                    words("chef baker cook sous-chef butcher grandmother apprentice caterer pastry-cook fishmonger"),
                    words("browns reduces whisks folds kneads marinates simmers glazes trims tastes"),
                    words("shallots dough broth custard brisket caramel lentils meringue fennel risotto"),
                    words("over-low-heat before-the-dinner-rush in-a-copper-pan with-brown-butter until-it-thickens"
                            + " by-hand-at-dawn in-the-cast-iron-skillet with-smoked-paprika for-the-wedding-feast"
                            + " on-a-marble-slab")),
            new Vocabulary("astronomy",
                    words("nebulae exoplanets eclipses comets pulsars galaxies meteors telescopes redshift orbits"),
                    words("astronomer observatory probe telescope cosmologist satellite stargazer spectrograph"
                            + " navigator rover"),
                    words("detects charts photographs measures tracks maps observes catalogues images resolves"),
                    words("quasars moons asteroids supernovae auroras constellations sunspots craters nebulas"
                            + " binaries"),
                    words("through-thin-desert-air beyond-the-kuiper-belt during-the-winter-solstice with-infrared-light"
                            + " near-the-galactic-core above-the-southern-horizon at-the-edge-of-the-cluster"
                            + " across-billions-of-years from-a-mountain-summit under-a-new-moon")),
            new Vocabulary("law",
                    words("contracts torts appeals evidence precedent custody patents tenancy arbitration sentencing"),
                    words("judge barrister solicitor jury clerk magistrate tribunal notary prosecutor paralegal"),
                    words("drafts reviews dismisses cites overturns witnesses files appeals settles examines"),
                    words("affidavits statutes clauses verdicts injunctions subpoenas warrants deeds leases briefs"),
                    words("before-the-high-court under-common-law within-thirty-days on-behalf-of-the-tenant"
                            + " after-cross-examination in-closed-chambers despite-the-objection by-unanimous-decision"
                            + " under-the-new-statute at-the-county-registry")),
            new Vocabulary("gardening",
                    words("pruning composting grafting mulching seedlings irrigation hedges orchards greenhouses"
                            + " perennials"),
                    words("gardener grower horticulturist beekeeper nurseryman allotment-holder forager orchardist"
                            + " florist landscaper"),
                    words("prunes waters transplants sows harvests divides pots mulches grafts weeds"),
                    words("tulips tomatoes roses saplings dahlias seedlings vines bulbs ferns lavender"),
                    words("in-the-walled-garden after-the-last-frost along-the-south-fence in-raised-beds"
                            + " beneath-the-apple-trees before-the-spring-rain in-clay-soil by-the-greenhouse-door"
                            + " under-netting-against-birds at-first-light")),
            new Vocabulary("music",
                    words("harmony counterpoint rhythm orchestration improvisation scales chords tempo timbre"
                            + " cadences"),
                    words("violinist conductor drummer composer cellist organist choir pianist trumpeter luthier"),
                    words("rehearses composes tunes transposes improvises conducts records arranges performs hums"),
                    words("sonatas fugues ballads overtures arpeggios nocturnes hymns preludes waltzes requiems"),
                    words("in-the-concert-hall with-a-muted-bow at-the-jazz-club in-a-minor-key before-the-premiere"
                            + " under-the-stage-lights on-a-borrowed-piano for-the-cathedral-choir in-three-four-time"
                            + " after-midnight-rehearsal")),
            new Vocabulary("finance",
                    words("bonds dividends inflation mortgages equities pensions hedging liquidity audits budgets"),
                    words("analyst trader accountant auditor banker broker treasurer actuary investor regulator"),
                    words("forecasts audits hedges reconciles values underwrites rebalances shorts prices lends"),
                    words("portfolios ledgers invoices derivatives bonds annuities shares loans futures balance-sheets"),
                    words("before-the-market-opens at-quarter-end against-currency-risk under-new-capital-rules"
                            + " during-the-downturn with-fixed-interest for-the-pension-fund across-emerging-markets"
                            + " after-the-rate-cut on-the-trading-floor")),
            new Vocabulary("medicine",
                    words("diagnosis vaccines anatomy surgery cardiology antibiotics triage pharmacology radiology"
                            + " nutrition"),
                    words("surgeon nurse pharmacist paramedic radiologist midwife physician therapist pathologist"
                            + " anaesthetist"),
                    words("diagnoses prescribes sutures examines monitors vaccinates x-rays treats stitches"
                            + " sterilises"),
                    words("fractures infections wounds tumours fevers arrhythmias allergies burns sprains ulcers"),
                    words("in-the-emergency-ward before-the-operation during-the-night-shift with-sterile-gloves"
                            + " at-the-rural-clinic after-the-blood-test under-local-anaesthetic in-the-isolation-unit"
                            + " following-the-scan beside-the-patient's-bed")),
            new Vocabulary("sailing",
                    words("navigation knots rigging tides anchoring regattas charts moorings keels spinnakers"),
                    words("skipper helmsman deckhand navigator bosun harbourmaster crew yachtsman pilot lookout"),
                    words("hoists reefs trims steers moors splices tacks anchors charts coils"),
                    words("mainsails jibs halyards hawsers buoys sheets dinghies tillers bowlines anchors"),
                    words("against-a-north-easterly past-the-breakwater at-slack-water through-the-narrow-channel"
                            + " before-the-squall in-a-force-six-gale off-the-rocky-headland under-a-full-moon"
                            + " beside-the-harbour-wall at-the-turn-of-the-tide")));

    private static final List<String> INSTRUCTIONS = List.of("Explain %s to a beginner.", "Describe a day of %s.",
            "Write a short note about %s.", "What matters most in %s?");

    private EightCategories() {
    }

    private static List<String> words(String spaced) {
        return List.of(spaced.split(" "));
    }

    /** The reference: twenty records per category, as JSONL lines with instruction, output and category. */
    static List<String> referenceLines() {
        Random rng = new Random(2024);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            for (Vocabulary v : CATEGORIES) {
                String instruction = String.format(INSTRUCTIONS.get(rng.nextInt(INSTRUCTIONS.size())), pick(v.topics(), rng));
                String output = sentence(v, rng) + " " + sentence(v, rng);
                lines.add(line(instruction, output, v.name()));
            }
        }
        return lines;
    }

    /** Forty records of one category and one phrasing, only the dish changing: the collapsed upload. */
    static List<String> collapsedCookingLines() {
        List<String> dishes = words("soup stew broth");
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String dish = dishes.get(i % dishes.size());
            lines.add(line("Write a simple recipe for " + dish + ".", "Simmer the " + dish + " with salt and pepper,"
                    + " then serve the " + dish + " warm with fresh bread.", "cooking"));
        }
        return lines;
    }

    /** {@code count} lines drawn at random (seeded) from the given ones. */
    static List<String> randomSample(List<String> lines, int count, long seed) {
        List<String> shuffled = new ArrayList<>(lines);
        Collections.shuffle(shuffled, new Random(seed));
        return shuffled.subList(0, count);
    }

    static byte[] jsonl(List<String> lines) {
        return lines.stream().collect(Collectors.joining("\n")).getBytes(StandardCharsets.UTF_8);
    }

    private static String sentence(Vocabulary v, Random rng) {
        String subject = pick(v.subjects(), rng).replace('-', ' ');
        return "The " + subject + " " + pick(v.verbs(), rng) + " the " + pick(v.objects(), rng).replace('-', ' ')
                + " " + pick(v.details(), rng).replace('-', ' ') + ".";
    }

    private static String pick(List<String> options, Random rng) {
        return options.get(rng.nextInt(options.size()));
    }

    private static String line(String instruction, String output, String category) {
        return "{\"instruction\": \"" + instruction + "\", \"output\": \"" + output + "\", \"category\": \"" + category + "\"}";
    }
}

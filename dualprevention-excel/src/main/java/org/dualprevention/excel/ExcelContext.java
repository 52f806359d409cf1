package org.dualprevention.excel;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.dualprevention.analytics.document.Directory;
import org.dualprevention.json.ScoringProviders;
import org.dualprevention.organization.ActorId;
import org.dualprevention.organization.Organization;
import org.dualprevention.risk.FactorDefinition;
import org.dualprevention.risk.MethodId;
import org.dualprevention.spi.AssessmentMethod;
import org.dualprevention.spi.GradingScheme;

/**
 * What a workbook is written and read against: the organisation (units are shown by name), the assessment
 * methods and grading schemes installed (factor columns, drop-downs, and the recomputation of scores and
 * grades on import), the organisation's time zone (assessment times are shown as local date and time) and
 * the language people read (Chinese unless English is asked for).
 *
 * <p>This class is immutable and thread-safe and must be treated as a value type.
 *
 * @since 0.1
 */
public final class ExcelContext {
    private final Organization organization;
    private final List<AssessmentMethod> methods;
    private final List<GradingScheme> schemes;
    private final ZoneId zone;
    private final Locale locale;
    private final Directory directory;

    private ExcelContext(Organization organization, List<AssessmentMethod> methods, List<GradingScheme> schemes,
            ZoneId zone, Locale locale, Directory directory) {
        this.organization = Objects.requireNonNull(organization, "organization");
        this.methods = List.copyOf(methods);
        this.schemes = List.copyOf(schemes);
        this.zone = Objects.requireNonNull(zone, "zone");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.directory = Objects.requireNonNull(directory, "directory");
        Set<MethodId> ids = new LinkedHashSet<>();
        for (AssessmentMethod m : this.methods) {
            if (!ids.add(m.id())) {
                throw new IllegalArgumentException("method [" + m.id() + "] is listed twice; allowed: each method once");
            }
        }
    }

    /**
     * A context in Chinese.
     *
     * @param organization the organisation the register belongs to
     * @param methods the installed assessment methods
     * @param schemes the installed grading schemes
     * @param zone the organisation's time zone
     * @return the context
     */
    public static ExcelContext of(Organization organization, Collection<? extends AssessmentMethod> methods,
            Collection<? extends GradingScheme> schemes, ZoneId zone) {
        return new ExcelContext(organization, new ArrayList<>(methods), new ArrayList<>(schemes), zone, Locale.CHINESE,
                Directory.empty());
    }

    /**
     * A copy that writes headers, labels and messages in another language: {@link Locale#ENGLISH} for
     * English, anything whose language is {@code zh} for Chinese. Import accepts labels in both languages
     * whatever this says.
     *
     * @param newLocale the language
     * @return the copy
     */
    public ExcelContext withLocale(Locale newLocale) {
        return new ExcelContext(organization, methods, schemes, zone, newLocale, directory);
    }

    /**
     * A copy that prints people by name: the hidden-danger ledger's reporter (上报人), responsible person
     * (整改责任人) and acceptor (验收人) columns show the directory's name for each {@link ActorId}, and the
     * id itself only for a person the directory does not know (the model knows people by id only).
     *
     * @param newDirectory the host's names of people
     * @return the copy
     */
    public ExcelContext withDirectory(Directory newDirectory) {
        return new ExcelContext(organization, methods, schemes, zone, locale, newDirectory);
    }

    /** @return the organisation */
    public Organization organization() {
        return organization;
    }

    /** @return the installed methods, in the order given */
    public List<AssessmentMethod> methods() {
        return methods;
    }

    /** @return the installed schemes, in the order given */
    public List<GradingScheme> schemes() {
        return schemes;
    }

    /** @return the organisation's time zone */
    public ZoneId zone() {
        return zone;
    }

    /** @return the language people read */
    public Locale locale() {
        return locale;
    }

    /** @return the names of people (empty unless {@link #withDirectory} gave them) */
    public Directory directory() {
        return directory;
    }

    /** A person as the workbooks print them: the directory's name, else the id. */
    String person(ActorId actor) {
        return directory.person(actor).orElse(actor.value());
    }

    boolean chinese() {
        return "zh".equals(locale.getLanguage());
    }

    ScoringProviders providers() {
        return ScoringProviders.of(methods, schemes);
    }

    /** Factor keys over all methods, in first-seen order, with the definitions that use each key. */
    Map<String, List<FactorDefinition>> factorKeys() {
        Map<String, List<FactorDefinition>> keys = new LinkedHashMap<>();
        for (AssessmentMethod m : methods) {
            for (FactorDefinition f : m.factors()) {
                keys.computeIfAbsent(f.key(), k -> new ArrayList<>()).add(f);
            }
        }
        return keys;
    }

    @Override
    public String toString() {
        return "ExcelContext[" + methods.size() + " methods, " + schemes.size() + " schemes, " + zone + ", " + locale + "]";
    }
}

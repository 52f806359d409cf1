package org.dualprevention.spi;

import org.dualprevention.query.InspectionTaskQuery;
import org.dualprevention.query.Page;
import org.dualprevention.query.PageRequest;
import java.util.Collection;
import java.util.Optional;
import org.dualprevention.StaleVersionException;
import org.dualprevention.inspection.InspectionTask;
import org.dualprevention.inspection.InspectionTaskId;

/**
 * Inspection tasks and their records, one aggregate per task under {@link InspectionTask#version()}.
 * The engine generates tasks deterministically and stores the ones not stored yet with
 * {@link #insertMissing(Collection)}; recording a task saves its next version.
 *
 * <h2>Contract</h2>
 * The rules S1 to S3, S7 to S14 and S16 of {@link Storage}. Results of {@link #find(InspectionTaskQuery,
 * PageRequest)} come in ascending due time (S11).
 *
 * @since 0.1
 */
public interface InspectionTaskRepository {
    /**
     * The stored task (S1, S13).
     *
     * @param id the id
     * @return the task, or empty
     */
    Optional<InspectionTask> find(InspectionTaskId id);

    /**
     * Stores the next version of a task (S2, S3), e.g. the task with its record.
     *
     * @param next the task, with {@code next.version() == expectedVersion + 1}
     * @param expectedVersion the stored version it replaces, 0 to create
     * @throws StaleVersionException if the stored version is not {@code expectedVersion}; nothing is stored
     * @throws IllegalArgumentException if the versions do not step by one
     */
    void save(InspectionTask next, long expectedVersion);

    /**
     * Stores every task whose id is not stored yet and leaves the stored ones unchanged (S14). A JDBC
     * store does this as one batch ({@code INSERT … ON CONFLICT DO NOTHING} or {@code MERGE}).
     *
     * @param tasks new tasks, each with version 1, no id twice
     * @return how many were stored
     * @throws IllegalArgumentException if a task's version is not 1 or an id appears twice; nothing is stored
     */
    int insertMissing(Collection<InspectionTask> tasks);

    /**
     * One page of the tasks matching a query, in ascending due time (S9 to S11).
     *
     * @param query the query
     * @param page which page
     * @return the page
     */
    Page<InspectionTask> find(InspectionTaskQuery query, PageRequest page);

    /**
     * How many tasks match a query (S12).
     *
     * @param query the query
     * @return the count
     */
    long count(InspectionTaskQuery query);
}

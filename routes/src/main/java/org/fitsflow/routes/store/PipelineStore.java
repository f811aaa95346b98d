package org.fitsflow.routes.store;

import java.time.Clock;
import java.util.Map;
import java.util.LinkedHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.context.annotation.DependsOn;
import org.springframework.stereotype.Repository;

/** processing_pipelines: custom pipelines as the YAML text that passed validation. */
@Repository
@DependsOn("schemaMigrator")
public class PipelineStore {
    private final JdbcTemplate jdbc;
    private final Clock clock;

    public PipelineStore(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Inserts or replaces the pipeline of that name. */
    public void save(String name, String yaml) {
        jdbc.update("INSERT INTO processing_pipelines (name, yaml, created_at) VALUES (?, ?, ?) "
                + "ON CONFLICT (name) DO UPDATE SET yaml = excluded.yaml, created_at = excluded.created_at",
                name, yaml, clock.instant().toString());
    }

    /** name -> YAML, in name order. */
    public Map<String, String> all() {
        Map<String, String> pipelines = new LinkedHashMap<>();
        jdbc.query("SELECT name, yaml FROM processing_pipelines ORDER BY name",
                rs -> {
                    pipelines.put(rs.getString("name"), rs.getString("yaml"));
                });
        return pipelines;
    }
}

package org.dualprevention.examples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small safety application on the dualprevention Spring Boot starter: the starter gives the engine on the
 * application's DataSource (an H2 file by default, PostgreSQL with {@code spring.datasource.url}); this
 * application adds a REST API ({@link HiddenDangerController}), a page with the four-colour map and the ledger
 * ({@link PageController}) and seeds a small plant on first start ({@link PlantSeed}).
 *
 * @since 0.2
 */
@SpringBootApplication
public class SafetyApplication {
    /**
     * Starts the application.
     *
     * @param args Spring Boot arguments, e.g. {@code --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(SafetyApplication.class, args);
    }
}

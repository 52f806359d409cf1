/**
 * Spring Boot auto-configuration for dualprevention: the JDBC storage on the application's {@code DataSource}
 * (its writes join the Spring-managed transaction of the calling thread), the {@code DualPrevention} engine built
 * from the application's beans and {@code dualprevention.*} properties, the JSON module on the application's
 * {@code JsonMapper}, listeners called after commit, Micrometer metrics and an Actuator health indicator.
 *
 * <p>Every bean backs off when the application defines its own of the same type.
 *
 * @since 0.2
 */
@NullMarked
package org.dualprevention.spring.boot.autoconfigure;

import org.jspecify.annotations.NullMarked;

package com.seedancebot.app.web.playground;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * The playground's beans exist when {@link PlaygroundEnabledCondition} says so: by default only
 * with the simulator provider; with a real provider only after {@code BOT_PLAYGROUND_ENABLED=true},
 * and then {@link PlaygroundAccess} insists on an access token ({@code BOT_PLAYGROUND_TOKEN}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(PlaygroundEnabledCondition.class)
public @interface ConditionalOnPlayground {}

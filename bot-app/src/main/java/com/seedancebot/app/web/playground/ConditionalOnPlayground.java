package com.seedancebot.app.web.playground;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;

/**
 * The playground's beans exist unless {@code bot.playground.enabled=false}: whoever reaches the
 * page chats as an admin, so a public deployment may want it off.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnBooleanProperty(name = "bot.playground.enabled", matchIfMissing = true)
public @interface ConditionalOnPlayground {}

package com.seedancebot.app.metrics;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.List;
import java.util.stream.Stream;

/** Checks that a decorator passes every method of its port on, none left at the port's default. */
final class Decorators {

  private Decorators() {}

  /** The port's instance methods the decorator does not declare itself. */
  static List<String> notPassedOn(Class<?> port, Class<?> decorator) {
    return Stream.of(port.getMethods())
        .filter(m -> !Modifier.isStatic(m.getModifiers()))
        .filter(m -> declaringClass(decorator, m) != decorator)
        .map(Method::getName)
        .toList();
  }

  private static Class<?> declaringClass(Class<?> decorator, Method portMethod) {
    try {
      return decorator
          .getMethod(portMethod.getName(), portMethod.getParameterTypes())
          .getDeclaringClass();
    } catch (NoSuchMethodException e) {
      throw new AssertionError(e);
    }
  }
}

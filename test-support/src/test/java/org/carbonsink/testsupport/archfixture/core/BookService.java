package org.carbonsink.testsupport.archfixture.core;

/** Breaks "plain Java" (uses a JUnit class) and the naming rule. */
public class BookService {
    org.junit.jupiter.api.DynamicTest test;
}

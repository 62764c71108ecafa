package org.carbonsink.testsupport.archfixture.beta;

/** Breaks "features reach each other only through their top-level package" and closes a cycle with Alpha. */
public class Beta {
    org.carbonsink.testsupport.archfixture.alpha.messaging.AlphaListener listener;
    org.carbonsink.testsupport.archfixture.alpha.Alpha alpha;
}

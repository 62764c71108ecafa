package org.carbonsink.testsupport.archfixture.alpha;

/** Breaks "features do not reach into their own adapters" and, with Beta, "without cycles". */
public class Alpha {
    org.carbonsink.testsupport.archfixture.alpha.web.AlphaController controller;
    org.carbonsink.testsupport.archfixture.beta.Beta beta;
}

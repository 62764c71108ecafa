package org.carbonsink.testsupport.archfixture.alpha.web;

/** Breaks "web adapters do not call messaging adapters". */
public class AlphaController {
    org.carbonsink.testsupport.archfixture.alpha.messaging.AlphaListener listener;
}

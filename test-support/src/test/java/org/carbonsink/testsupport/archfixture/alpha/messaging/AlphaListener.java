package org.carbonsink.testsupport.archfixture.alpha.messaging;

public class AlphaListener {
}
